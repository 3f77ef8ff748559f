using System.ComponentModel.DataAnnotations;

namespace Referrals.App.Web;

/// <summary>The web pages (section "Web"): time zones people see dates in, the consent text version the form records,
/// and how much the dashboard reads.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    /// <summary>Scouts see times in their own zone: the "zoneinfo" claim when their identity carries one, else this.</summary>
    [Required]
    public string ScoutTimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Advisors and coordinators work in Serbia.</summary>
    [Required]
    public string StaffTimeZone { get; set; } = "Europe/Belgrade";

    /// <summary>The version of the consent text scouts read to returnees; recorded with each referral.</summary>
    [Required]
    [StringLength(50, MinimumLength = 1)]
    public string ConsentTextVersion { get; set; } = "2026-1";

    /// <summary>No longer read: the dashboard reads the report read model (one row per referral). Kept so existing
    /// configuration still binds until the pages move out.</summary>
    [Range(1, 20_000)]
    public int DashboardMaxReferrals { get; set; } = 2000;

    /// <summary>Weeks of "referrals per week" the dashboard shows.</summary>
    [Range(1, 52)]
    public int DashboardWeeks { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, zone) in new[] { (nameof(ScoutTimeZone), ScoutTimeZone), (nameof(StaffTimeZone), StaffTimeZone) })
        {
            if (!string.IsNullOrWhiteSpace(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                yield return new ValidationResult($"{SectionName}:{name} '{zone}' is not a known time zone id.", [name]);
            }
        }
    }
}
