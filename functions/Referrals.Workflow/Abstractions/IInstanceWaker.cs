namespace Referrals.Workflow;

/// <summary>
/// Wakes the coordinator of an instance (in the app: its Durable Functions orchestration) after a commit, so it
/// carries out what the decision asked for. Implemented by the host; the workflow library knows no engine.
/// </summary>
public interface IInstanceWaker
{
    /// <summary>The first commit of a new instance (stored as <paramref name="version"/>): start its coordinator.
    /// <paramref name="dueEffectIds"/> are the ids of the effects the commit added that are due now, so the coordinator
    /// can perform them before it first looks at the instance (ids only: they travel through engine state).</summary>
    Task StartAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds, CancellationToken cancellationToken);

    /// <summary>A committed change (effects to perform, timers moved), stored as <paramref name="version"/>, asks the
    /// running coordinator to look again; <paramref name="dueEffectIds"/> as for <see cref="StartAsync"/>.</summary>
    Task WakeAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds, CancellationToken cancellationToken);

    /// <summary>From the safety sweep: the instance has overdue work, so its coordinator may be gone or stuck. Starts
    /// it when it does not exist or has ended, otherwise wakes it.</summary>
    Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken);
}
