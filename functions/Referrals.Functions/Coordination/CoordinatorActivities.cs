using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>Applies what is due for a referral and says what to do next.</summary>
public sealed class ApplyDueWorkActivity(
    IWorkflowCoordination coordination,
    ICoordinationSignals signals,
    TimeProvider businessTime,
    IOptions<CoordinatorOptions> options)
{
    public const string FunctionName = "ApplyDueWork";

    [Function(FunctionName)]
    public async Task<CycleWork> RunAsync([ActivityTrigger] string referralId, CancellationToken cancellationToken)
    {
        var due = await coordination.ApplyDueAsync(referralId, cancellationToken);
        if (due.Effects.Count == 0)
        {
            signals.Settled(referralId, due.Version, due.CheckedAt);
        }

        return new CycleWork(due.Effects, ToRealTime(due.NextDueAt), options.Value.EffectRetry);
    }

    /// <summary>Durable timers run on real time; business time may run ahead of it (the development clock).</summary>
    private DateTimeOffset? ToRealTime(DateTimeOffset? businessDue)
    {
        if (businessDue is not { } due)
        {
            return null;
        }

        var realNow = TimeProvider.System.GetUtcNow();
        var real = realNow + (due - businessTime.GetUtcNow());
        return real < realNow ? realNow : real;
    }
}

/// <summary>Performs one effect; a transient failure throws, so the orchestration's retry policy applies.</summary>
public sealed class PerformEffectActivity(IWorkflowCoordination coordination)
{
    public const string FunctionName = "PerformEffect";

    [Function(FunctionName)]
    public async Task<EffectStep> RunAsync([ActivityTrigger] EffectWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var step = await coordination.PerformEffectAsync(work.ReferralId, work.EffectId, cancellationToken);
        return step.Kind == EffectStepKind.Failed
            ? throw new EffectAttemptFailedException(step.Reason ?? "The effect failed.")
            : step;
    }
}

/// <summary>Counts a cycle's spent retries against the effect's budget: it waits with backoff, or is parked.</summary>
public sealed class GiveUpEffectActivity(IWorkflowCoordination coordination)
{
    public const string FunctionName = "GiveUpEffect";

    [Function(FunctionName)]
    public Task<EffectStep> RunAsync([ActivityTrigger] EffectGiveUp giveUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(giveUp);
        return coordination.GiveUpAttemptsAsync(giveUp.ReferralId, giveUp.EffectId, giveUp.Attempts, giveUp.Reason,
            cancellationToken);
    }
}

/// <summary>An effect's attempt failed transiently. Its message is the handler's reason, which names no person:
/// it lands in Durable Task's history.</summary>
public sealed class EffectAttemptFailedException(string reason) : Exception(reason);
