using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Functions.Coordination;
using Referrals.Workflow;

namespace Referrals.Functions.Sweep;

/// <summary>
/// Every minute: wakes referrals whose due work is overdue by more than the grace period, which means their
/// coordinator missed it (the process died between a commit and the wake-up, or the orchestration is gone), and
/// deletes index rows whose work is done. One range query over the index when nothing is overdue.
/// </summary>
public sealed partial class SafetySweep(
    IWorkflowCoordination coordination,
    IInstanceWaker waker,
    TimeProvider time,
    IOptions<CoordinatorOptions> options,
    ILogger<SafetySweep> logger)
{
    public const string FunctionName = "SafetySweep";

    [Function(FunctionName)]
    public async Task RunAsync(
        [TimerTrigger("0 */1 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        using var _ = DurableClientAccessor.Use(client);
        var overdue = await coordination.SweepAsync(time.GetUtcNow() - options.Value.SweepGrace, cancellationToken);
        foreach (var referralId in overdue)
        {
            try
            {
                await waker.EnsureRunningAsync(referralId, cancellationToken);
                Woke(logger, referralId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                WakeFailed(logger, exception, referralId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety sweep woke referral {ReferralId}: its due work was overdue")]
    private static partial void Woke(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Safety sweep could not wake referral {ReferralId}; the next sweep tries again")]
    private static partial void WakeFailed(ILogger logger, Exception exception, string referralId);
}
