using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Referrals.Sms.Twilio;

/// <summary>
/// Paces messages per sender (default one a second, as a long code sends). It never waits: without a permit it
/// says how long to wait, so the caller reschedules the SMS and other work keeps flowing. It runs on wall-clock
/// time on purpose: carrier throughput does not follow the Development clock.
/// </summary>
public sealed class SmsSendRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _period;

    public SmsSendRateLimiter(IOptions<TwilioOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _period = TimeSpan.FromSeconds(1 / settings.MessagesPerSecond);
        _limiter = PartitionedRateLimiter.Create<string, string>(sender => RateLimitPartition.GetTokenBucketLimiter(
            sender,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public SmsSendPermit TryAcquire(string sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        using var lease = _limiter.AttemptAcquire(sender);
        if (lease.IsAcquired)
        {
            return new SmsSendPermit(true, TimeSpan.Zero);
        }

        return new SmsSendPermit(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _period);
    }

    public void Dispose() => _limiter.Dispose();
}
