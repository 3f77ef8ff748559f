namespace Referrals.Workflow;

/// <summary>
/// The steps an instance's coordinator performs, each one short and idempotent, so each can be an activity: apply
/// what is due, perform one effect, give up on an attempt. Plus the safety sweep and the operator's parked list.
/// Everything here reads the instance from Table Storage, the system of record; callers pass ids only.
/// </summary>
public interface IWorkflowCoordination
{
    /// <summary>Fires every timer due by now (the decider decides each), commits, and says which effects are due
    /// now and when the next thing falls due.</summary>
    Task<DueWork> ApplyDueAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Performs one effect through its handler and records the outcome with its follow-up decision.
    /// A transient failure without a provider-given delay is returned as <see cref="EffectStepKind.Failed"/> and not
    /// recorded, so the caller's retry policy decides; see <see cref="GiveUpAttemptsAsync"/>.</summary>
    Task<EffectStep> PerformEffectAsync(string instanceId, string effectId, CancellationToken cancellationToken);

    /// <summary>The caller's retries of an effect ran out: counts <paramref name="attempts"/> against the effect's
    /// budget and schedules it again with backoff, or parks it for an operator when the budget is spent.</summary>
    Task<EffectStep> GiveUpAttemptsAsync(string instanceId, string effectId, int attempts, string reason,
        CancellationToken cancellationToken);

    /// <summary>Index rows due by <paramref name="dueBy"/> whose work is still undone: the instances to wake.
    /// Rows whose work is done (fired timers, performed effects) are deleted on the way.</summary>
    Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset dueBy, CancellationToken cancellationToken);

    /// <summary>Every instance with an index row due by <paramref name="dueBy"/>, without checking it (the
    /// development clock wakes them all, then calls <see cref="SweepAsync"/> to tidy up).</summary>
    Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken);

    /// <summary>Parked effects across all instances, for operators.</summary>
    Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken);

    /// <summary>Puts a parked effect back (due now, attempts reset) and wakes the instance.</summary>
    Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken);
}

// These records travel through Durable Task state, stored in plain text: ids, kinds and times only.

/// <summary>What <see cref="IWorkflowCoordination.ApplyDueAsync"/> found: the effects due now, the next business time
/// something falls due (a timer, an effect waiting for quiet hours or a retry), and the business time it looked at.</summary>
public sealed record DueWork(
    IReadOnlyList<DueEffect> Effects,
    DateTimeOffset? NextDueAt,
    DateTimeOffset CheckedAt,
    long Version,
    bool Exists);

public sealed record DueEffect(string Id, string Type);

public enum EffectStepKind
{
    /// <summary>Performed and recorded.</summary>
    Done = 1,

    /// <summary>Not yet (quiet hours, a rate limit, a provider's retry-after, backoff): due again at
    /// <see cref="EffectStep.Until"/>. A wait, not a failure.</summary>
    Waiting = 2,

    /// <summary>Given up on; visible on the instance and in the operator list.</summary>
    Parked = 3,

    /// <summary>A transient failure: retry.</summary>
    Failed = 4,

    /// <summary>No longer there (done by someone else).</summary>
    Gone = 5,
}

public sealed record EffectStep(EffectStepKind Kind, DateTimeOffset? Until = null, string? Reason = null);
