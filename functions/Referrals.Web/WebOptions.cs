using System.ComponentModel.DataAnnotations;

namespace Referrals.Web;

/// <summary>The pages (section "Web"): time zones, the consent text version, sign-in mode, caches, proxies.</summary>
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

    /// <summary>Weeks of "referrals per week" the dashboard shows.</summary>
    [Range(1, 52)]
    public int DashboardWeeks { get; set; } = 8;

    /// <summary>How people sign in: <see cref="SignInMode.Auto"/> is Entra when <c>AzureAd:ClientId</c> is set, else
    /// the Development sign-in in the Development environment, else none.</summary>
    public SignInMode SignIn { get; set; } = SignInMode.Auto;

    /// <summary>How long a sign-in lasts without use (wall clock; sliding).</summary>
    [Range(1, 24 * 7)]
    public int SessionHours { get; set; } = 8;

    /// <summary>How long reference data (MSCs, municipalities, arrival points, checklists) is kept in memory.</summary>
    [Range(0, 3600)]
    public int ReferenceDataCacheSeconds { get; set; } = 300;

    /// <summary>Reads business time from the backend's <c>GET /dev/clock</c> (null: in Development only).</summary>
    public bool? UseDevClock { get; set; }

    /// <summary>How long a read of <c>/dev/clock</c> is reused (it then advances with the wall clock).</summary>
    [Range(0, 60)]
    public int DevClockCacheSeconds { get; set; } = 2;

    /// <summary>Honour X-Forwarded-Proto/For (behind App Service's TLS front end).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Trust forwarded headers from any proxy (App Service: its front ends have no fixed addresses). Only
    /// where the app cannot be reached except through the proxy.</summary>
    public bool TrustAllProxies { get; set; }

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

public enum SignInMode
{
    Auto,
    Development,
    Entra,
    None,
}

/// <summary>The backend (section "Api").</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";

    /// <summary>The backend's base address, e.g. http://127.0.0.1:7071.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The scopes of the API's audience the Entra sign-in asks for (e.g. api://referrals/.default).</summary>
    public string[] Scopes { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult($"{SectionName}:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
        }
    }
}
