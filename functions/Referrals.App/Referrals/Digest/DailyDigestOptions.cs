using System.ComponentModel.DataAnnotations;

namespace Referrals.App.Referrals.Digest;

/// <summary>The morning digest to each MSC inbox (section "Referrals:DailyDigest").</summary>
public sealed class DailyDigestOptions
{
    public const string SectionName = "Referrals:DailyDigest";

    /// <summary>Belgrade wall-clock time from which a working day's digest goes out ("08:00").</summary>
    public TimeOnly SendAt { get; set; } = new(8, 0);

    /// <summary>The table of per-day, per-MSC markers that make the digest go out once.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "referraldigests";

    /// <summary>How long a claim may stay unfinished before another run assumes its process died and takes it over.
    /// Longer than one send ever takes, so a live sender is not duplicated.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);
}
