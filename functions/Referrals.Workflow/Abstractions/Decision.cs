namespace Referrals.Workflow;

/// <summary>The outcome of one decision: either a new state with what follows from it, or a rejection.</summary>
public sealed record Decision<TState>
    where TState : class
{
    private Decision(TState? state, Rejection? rejection, IReadOnlyList<WorkflowEvent> events,
        IReadOnlyList<EffectRequest> effects, IReadOnlyList<TimerChange> timers)
    {
        State = state;
        Rejection = rejection;
        Events = events;
        Effects = effects;
        Timers = timers;
    }

    /// <summary>The new state; null only for a rejection.</summary>
    public TState? State { get; }

    public Rejection? Rejection { get; }

    /// <summary>Appended to the instance's timeline (event rows), in order.</summary>
    public IReadOnlyList<WorkflowEvent> Events { get; }

    /// <summary>Work to perform after the commit (outbox rows).</summary>
    public IReadOnlyList<EffectRequest> Effects { get; }

    /// <summary>Timers to set (or replace) and to cancel.</summary>
    public IReadOnlyList<TimerChange> Timers { get; }

    public bool IsRejected => Rejection is not null;

    public static Decision<TState> Accept(TState state, IReadOnlyList<WorkflowEvent>? events = null,
        IReadOnlyList<EffectRequest>? effects = null, IReadOnlyList<TimerChange>? timers = null) =>
        new(state, null, events ?? [], effects ?? [], timers ?? []);

    /// <summary>Nothing changes and nothing is written (e.g. a stale timer).</summary>
    public static Decision<TState> Unchanged(TState state) => new(state, null, [], [], []);

    public static Decision<TState> Reject(RejectionKind kind, string reason) =>
        new(null, new Rejection(kind, reason), [], [], []);

    /// <summary>True when the decision writes nothing (no events, effects or timers, same state instance).</summary>
    public bool IsNoOp(TState? previous) =>
        !IsRejected && ReferenceEquals(State, previous) && Events.Count == 0 && Effects.Count == 0 && Timers.Count == 0;
}

/// <summary>Why a command was not applied; surfaced to the caller (HTTP 404/409/422).</summary>
public sealed record Rejection(RejectionKind Kind, string Reason);

public enum RejectionKind
{
    /// <summary>The instance does not exist (or the command cannot create it).</summary>
    NotFound,

    /// <summary>The command does not fit the current state (HTTP 409).</summary>
    InvalidTransition,

    /// <summary>The command itself is invalid for this instance (HTTP 422).</summary>
    Invalid,
}
