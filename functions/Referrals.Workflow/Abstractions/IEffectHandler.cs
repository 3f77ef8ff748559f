namespace Referrals.Workflow;

/// <summary>
/// Performs one type of effect (send an SMS, send an email, update a projection). Handlers do the I/O the decider
/// must not do, and report back through <see cref="EffectOutcome"/>. A handler must be safe to run more than once
/// for the same effect id (at-least-once delivery).
/// </summary>
public interface IEffectHandler
{
    /// <summary>The <see cref="EffectRequest.Type"/> this handler performs.</summary>
    string EffectType { get; }

    /// <summary>True for an effect that only writes this app's own storage (a read model), quickly and without a
    /// provider: whoever committed the decision that asked for it performs it right after that commit, which spares
    /// the coordinator a wake-up and an activity. When that attempt does not finish it, the coordinator performs it
    /// as any other effect.</summary>
    bool PerformsInline => false;

    Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler gets: the instance, the effect, how often it was tried before, and the instance's state
/// as this dispatch knows it (<paramref name="State"/>: read or committed by the dispatch itself, so no older than
/// the start of this dispatch round; null when the instance does not exist). A handler that must not act on stale
/// state (an opt-out) uses it instead of reading the instance again, which would only narrow the same race and cost a
/// request.</summary>
public sealed record EffectContext(string InstanceId, EffectRequest Effect, int Attempt, object? State = null);

/// <summary>The result of performing an effect.</summary>
public abstract record EffectOutcome
{
    /// <summary>Done. The optional <paramref name="FollowUp"/> command is decided for the same instance, and the
    /// outbox row is deleted in the same transaction, so a result is never recorded twice.</summary>
    public static EffectOutcome Done(object? followUp = null) => new EffectDone(followUp);

    /// <summary>A transient failure: try again later (after <paramref name="After"/> if the provider said so).</summary>
    public static EffectOutcome Retry(string reason, TimeSpan? after = null) => new EffectRetry(reason, after);

    /// <summary>Not yet, and not a failure (quiet hours, a local rate limit): try again at <paramref name="Until"/>
    /// without counting an attempt. The optional <paramref name="FollowUp"/> is decided in the same transaction that
    /// reschedules the effect, so the instance can show why it waits.</summary>
    public static EffectOutcome Defer(DateTimeOffset until, string reason, object? followUp = null) =>
        new EffectDefer(until, reason, followUp);

    /// <summary>A permanent failure: park it where an operator sees it. <paramref name="FollowUp"/> lets the
    /// decider record the failure on the instance.</summary>
    public static EffectOutcome Park(string reason, object? followUp = null) => new EffectPark(reason, followUp);
}

public sealed record EffectDone(object? FollowUp) : EffectOutcome;

public sealed record EffectRetry(string Reason, TimeSpan? After) : EffectOutcome;

public sealed record EffectPark(string Reason, object? FollowUp) : EffectOutcome;

public sealed record EffectDefer(DateTimeOffset Until, string Reason, object? FollowUp) : EffectOutcome;
