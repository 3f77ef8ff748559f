using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Referrals.Functions.Sweep;

/// <summary>
/// Every minute: will wake referrals whose committed effects were not carried out (a crash between the commit and
/// the wake-up). No pending-effect rows exist yet, so for now it only records that it ran.
/// </summary>
public sealed partial class SafetySweep(ILogger<SafetySweep> logger)
{
    public const string FunctionName = "SafetySweep";

    [Function(FunctionName)]
    public Task RunAsync(
        [TimerTrigger("0 */1 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(client);
        SweepRan(logger, client.Name, timer.IsPastDue);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Safety sweep ran on task hub {TaskHub} (past due: {IsPastDue}); nothing to sweep yet")]
    private static partial void SweepRan(ILogger logger, string taskHub, bool isPastDue);
}
