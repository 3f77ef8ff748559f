using System.ComponentModel.DataAnnotations;

namespace Referrals.App.Security;

/// <summary>
/// Token validation (section "Auth"). In Azure the tokens come from Microsoft Entra ID (<see cref="Authority"/> and
/// <see cref="Audience"/>); in Development, when no authority is configured, a local issuer signs them with
/// <see cref="DevSigningKey"/> (generated at start-up when absent) and <c>POST /dev/token</c> hands them out.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The Entra ID authority, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience our API is registered under (e.g. api://referrals or the app's client id).</summary>
    public string? Audience { get; set; }

    /// <summary>Base64 of at least 32 random bytes; Development only.</summary>
    public string? DevSigningKey { get; set; }

    /// <summary>The Entra claim carrying a scout's organisation (e.g. a directory extension "extn.org").</summary>
    [Required]
    public string OrgClaim { get; set; } = ReferralClaims.Organisation;

    /// <summary>The Entra claim carrying an advisor's MSC id.</summary>
    [Required]
    public string MscClaim { get; set; } = ReferralClaims.Msc;

    [Range(1, 24 * 60)]
    public int DevTokenLifetimeMinutes { get; set; } = 8 * 60;

    /// <summary>True when tokens are signed locally (Development without an authority).</summary>
    public bool UsesDevIssuer(bool isDevelopment) => isDevelopment && string.IsNullOrWhiteSpace(Authority);
}
