namespace Referrals.App.Security;

/// <summary>The claim types the API reads (JWT names, not mapped to the WS-* URIs).</summary>
public static class ReferralClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Msc = "msc";

    /// <summary>Where Microsoft Entra ID puts app roles.</summary>
    public const string EntraRoles = "roles";

    /// <summary>The issuer and audience of locally signed Development tokens.</summary>
    public const string DevIssuer = "referrals-dev";
    public const string DevAudience = "referrals-api";
}
