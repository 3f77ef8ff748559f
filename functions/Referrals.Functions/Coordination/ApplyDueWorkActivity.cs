using Microsoft.Azure.Functions.Worker;

namespace Referrals.Functions.Coordination;

/// <summary>The coordinator's one activity: applies what is due through <see cref="IReferralCycle"/>.</summary>
public sealed class ApplyDueWorkActivity(IReferralCycle cycle)
{
    public const string FunctionName = "ApplyDueWork";

    [Function(FunctionName)]
    public Task<CycleOutcome> RunAsync([ActivityTrigger] DueWork work, CancellationToken cancellationToken) =>
        cycle.ApplyAsync(work, cancellationToken);
}
