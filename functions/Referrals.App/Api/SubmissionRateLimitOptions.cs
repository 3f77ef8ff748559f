using System.ComponentModel.DataAnnotations;

using Referrals.Contracts;

namespace Referrals.App.Api;

/// <summary>Submissions allowed per caller (the token's subject) per minute (section "RateLimits").</summary>
public sealed class SubmissionRateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 10_000)]
    public int SubmissionsPerMinute { get; set; } = 30;
}
