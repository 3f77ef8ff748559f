using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Referrals.App.Api;

/// <summary>
/// Submissions per caller (the token's subject) per minute, a fixed window of
/// <see cref="SubmissionRateLimitOptions.SubmissionsPerMinute"/>. An explicit call at the top of submit, after
/// authentication, because the Functions isolated worker runs no rate-limiter middleware.
/// </summary>
public sealed class SubmissionRateLimiter(IOptions<SubmissionRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(subject =>
        RateLimitPartition.GetFixedWindowLimiter(subject, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SubmissionsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when <paramref name="subject"/> may submit now; otherwise the 429 to answer, its
    /// <c>Retry-After</c> set on <paramref name="response"/>.</summary>
    public ProblemHttpResult? TryAcquire(string subject, HttpResponse response)
    {
        using var lease = _limiter.AttemptAcquire(subject);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"Too many submissions from you; try again in {seconds} seconds."),
        });
    }

    public void Dispose() => _limiter.Dispose();
}
