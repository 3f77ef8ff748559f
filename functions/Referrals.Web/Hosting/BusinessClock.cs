using Microsoft.Extensions.Options;
using Referrals.Web.Api;

namespace Referrals.Web.Hosting;

/// <summary>
/// Business time ("today", countdowns, date checks). In Development it follows the backend's controllable clock
/// (<c>GET /dev/clock</c>, read at most every few seconds and advanced with the wall clock in between), so a
/// referral moved days ahead shows the same deadlines here as there; elsewhere it is the system clock. Cookies and
/// tokens never use it.
/// </summary>
public sealed partial class BusinessClock(IReferralsApi api, DevClockCache cache, IOptions<WebOptions> options,
    IHostEnvironment environment, TimeProvider wall, ILogger<BusinessClock> logger)
{
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken)
    {
        var now = wall.GetUtcNow();
        if (!(options.Value.UseDevClock ?? environment.IsDevelopment()))
        {
            return now;
        }

        if (cache.TryGet(now, TimeSpan.FromSeconds(options.Value.DevClockCacheSeconds), out var business))
        {
            return business;
        }

        try
        {
            var read = await api.GetDevClockAsync(cancellationToken);
            cache.Set(read.Now, wall.GetUtcNow());
            return read.Now;
        }
        catch (Exception exception) when (ApiFailures.IsUnavailable(exception, cancellationToken) || exception is Refit.ApiException)
        {
            LogDevClockUnavailable(logger);
            return now;
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "The Development clock could not be read; using the system clock for this request.")]
    private static partial void LogDevClockUnavailable(ILogger logger);
}

/// <summary>The last Development clock reading and the wall time it was taken at (shared by all requests).</summary>
public sealed class DevClockCache
{
    private readonly Lock _gate = new();
    private (DateTimeOffset Business, DateTimeOffset Wall)? _last;

    public bool TryGet(DateTimeOffset wallNow, TimeSpan maxAge, out DateTimeOffset business)
    {
        lock (_gate)
        {
            if (_last is { } last && wallNow - last.Wall <= maxAge && wallNow >= last.Wall)
            {
                business = last.Business + (wallNow - last.Wall);
                return true;
            }
        }

        business = default;
        return false;
    }

    public void Set(DateTimeOffset business, DateTimeOffset wall)
    {
        lock (_gate)
        {
            _last = (business, wall);
        }
    }
}
