namespace Referrals.Workflow;

/// <summary>
/// How application code talks to workflow instances: send a command, read an instance.
/// Commands are decided against the stored state and committed atomically with their events, effects and timers.
/// </summary>
public interface IWorkflowClient<TState, in TCommand> : IWorkflowReader<TState>
    where TState : class
{
    /// <summary>Decides and commits <paramref name="command"/> for <paramref name="instanceId"/>, retrying on a
    /// concurrent write (ETag conflict) a bounded number of times. Effects are dispatched after the commit.</summary>
    Task<CommandResult<TState>> ExecuteAsync(string instanceId, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Reads instances without being able to change them. Effect handlers take this rather than the client: the client
/// dispatches effects, so a handler depending on it would close a dependency cycle.
/// </summary>
public interface IWorkflowReader<TState>
    where TState : class
{
    /// <summary>The instance with its timeline, timers and unfinished effects; null when it does not exist.</summary>
    Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Only the state; null when the instance does not exist.</summary>
    Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken);
}

/// <summary>The result of a command: applied (with the new state and version) or rejected with a reason.</summary>
public sealed record CommandResult<TState>(TState? State, long Version, Rejection? Rejection)
    where TState : class
{
    public bool Applied => Rejection is null;
}

public sealed record WorkflowSnapshot<TState>(
    string InstanceId,
    TState State,
    long Version,
    IReadOnlyList<RecordedEvent> Events,
    IReadOnlyList<ScheduledTimer> Timers,
    IReadOnlyList<PendingEffect> Effects)
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

/// <summary>The parts hosting drives: dispatching outboxes and sweeping due timers, whatever delivers the trigger
/// (a hosted service in standalone mode, a queue or timer trigger in custom-handler mode).</summary>
public interface IWorkflowEngine
{
    /// <summary>Performs the due effects of one instance (what a dispatch queue message names).</summary>
    Task<DispatchResult> DispatchAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Handles one raw dispatch queue message; a garbage message is reported, not thrown.</summary>
    Task<DispatchResult> DispatchMessageAsync(string messageText, CancellationToken cancellationToken);

    /// <summary>Fires every timer due at or before now; returns how many fired.</summary>
    Task<SweepResult> SweepAsync(CancellationToken cancellationToken);

    /// <summary>Sweeps and dispatches until nothing is due now (used by the development clock and tests).</summary>
    Task RunUntilIdleAsync(CancellationToken cancellationToken);

    /// <summary>Parked effects across all instances, for operators.</summary>
    Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken);

    /// <summary>Puts a parked effect back into dispatch.</summary>
    Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken);
}

public sealed record DispatchResult(int Performed, int Retrying, int Parked, string? Problem = null);

public sealed record SweepResult(int Fired, int Stale);

public sealed record ParkedEffect(string InstanceId, string EffectId, string Type, string Reason, DateTimeOffset ParkedAt);
