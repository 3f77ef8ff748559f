using Microsoft.Azure.Functions.Worker;
using Referrals.App.Hosting;

namespace Referrals.Functions.Digest;

/// <summary>Every 15 minutes: the digest job decides itself whether a digest is due (per MSC, on working days).</summary>
public sealed class DailyDigest(IDailyDigestJob job)
{
    public const string FunctionName = "DailyDigest";

    [Function(FunctionName)]
    public Task RunAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return job.RunAsync(cancellationToken);
    }
}
