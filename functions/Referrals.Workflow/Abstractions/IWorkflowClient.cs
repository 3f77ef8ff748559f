namespace Referrals.Workflow;

/// <summary>
/// How application code talks to workflow instances: send a command, read an instance.
/// Commands are decided against the stored state and committed atomically with their events, effects and timers.
/// </summary>
public interface IWorkflowClient<TState, in TCommand> : IWorkflowReader<TState>
    where TState : class
{
    /// <summary>Decides and commits <paramref name="command"/> for <paramref name="instanceId"/>, retrying on a
    /// concurrent write (ETag conflict) a bounded number of times. After the commit the instance's coordinator is
    /// woken (<see cref="IInstanceWaker"/>) to carry out what the decision asked for.</summary>
    Task<CommandResult<TState>> ExecuteAsync(string instanceId, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Reads instances without being able to change them. Effect handlers take this rather than the client: the client
/// wakes coordinators, so a handler depending on it would close a dependency cycle.
/// </summary>
public interface IWorkflowReader<TState>
    where TState : class
{
    /// <summary>The instance with its timeline, timers and unfinished effects; null when it does not exist. Costs a
    /// partition query: for operators and tests, not for a hot read path.</summary>
    Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The state and its timeline by point reads only (two for a normal instance), for the read path that
    /// must stay fast; null when the instance does not exist.</summary>
    Task<WorkflowTimeline<TState>?> GetTimelineAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Only the state; null when the instance does not exist.</summary>
    Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken);
}

/// <summary>The result of a command: applied (with the new state and version) or rejected with a reason.</summary>
public sealed record CommandResult<TState>(TState? State, long Version, Rejection? Rejection)
    where TState : class
{
    public bool Applied => Rejection is null;
}

/// <summary>An instance's state and timeline as of one version.</summary>
public record WorkflowTimeline<TState>(
    string InstanceId,
    TState State,
    long Version,
    IReadOnlyList<RecordedEvent> Events)
    where TState : class;

/// <summary>An instance's state and timeline with its timers and unfinished effects.</summary>
public sealed record WorkflowSnapshot<TState>(
    string InstanceId,
    TState State,
    long Version,
    IReadOnlyList<RecordedEvent> Events,
    IReadOnlyList<ScheduledTimer> Timers,
    IReadOnlyList<PendingEffect> Effects)
    : WorkflowTimeline<TState>(InstanceId, State, Version, Events)
    where TState : class;

public sealed record ScheduledTimer(string Kind, DateTimeOffset DueAt, string Token);

/// <summary>An effect still in the outbox: waiting, being retried, or parked for an operator.</summary>
public sealed record PendingEffect(
    string Id,
    string Type,
    EffectStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError);

public enum EffectStatus
{
    Pending,
    Parked,
}

public sealed record ParkedEffect(string InstanceId, string EffectId, string Type, string Reason, DateTimeOffset ParkedAt);
