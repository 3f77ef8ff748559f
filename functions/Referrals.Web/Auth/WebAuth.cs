using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Referrals.Contracts;

namespace Referrals.Web.Auth;

/// <summary>The app's schemes, the claims its session carries (as <c>GET /api/me</c> answered), and its policies.</summary>
public static class WebAuth
{
    /// <summary>The session cookie: the default scheme, so antiforgery and pages see the signed-in person.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string OpenIdScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public const string SubjectClaim = "referrals:sub";
    public const string RoleClaim = "referrals:role";
    public const string OrganisationClaim = "referrals:org";
    public const string MscClaim = "referrals:msc";

    /// <summary>The OpenID Connect standard claim for a person's time zone (IANA id).</summary>
    public const string ZoneInfoClaim = "zoneinfo";

    /// <summary>The name of the Development token in the session's properties (kept in the server-side store).</summary>
    public const string AccessTokenName = "access_token";

    public const string Scout = "web:scout";
    public const string Advisor = "web:advisor";
    public const string Coordinator = "web:coordinator";
    public const string Staff = "web:staff";
    public const string AnyRole = "web:any";

    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Scout, p => Require(p, Role.Scout))
            .AddPolicy(Advisor, p => Require(p, Role.Advisor))
            .AddPolicy(Coordinator, p => Require(p, Role.Coordinator))
            .AddPolicy(Staff, p => Require(p, Role.Advisor, Role.Coordinator))
            .AddPolicy(AnyRole, p => Require(p, Role.Scout, Role.Advisor, Role.Coordinator));
    }

    /// <summary>The claims for a caller as the API resolved it.</summary>
    public static IEnumerable<Claim> ClaimsFor(ApiCallerView caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        yield return new Claim(SubjectClaim, caller.Subject);
        yield return new Claim(RoleClaim, caller.Role.ToString().ToLowerInvariant());
        if (caller.Organisation is { Length: > 0 } org)
        {
            yield return new Claim(OrganisationClaim, org);
        }

        if (caller.Msc is { Length: > 0 } msc)
        {
            yield return new Claim(MscClaim, msc);
        }
    }

    private static void Require(AuthorizationPolicyBuilder policy, params Role[] roles) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => ApiCallerView.TryFrom(context.User, out var caller) && roles.Contains(caller.Role));
}

/// <summary>The signed-in person as the API sees them: subject, role, and a scout's organisation or an advisor's MSC.</summary>
public sealed record ApiCallerView(string Subject, Role Role, string? Organisation, string? Msc)
{
    public static bool TryFrom(ClaimsPrincipal? user, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApiCallerView? caller)
    {
        caller = null;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirst(WebAuth.SubjectClaim)?.Value is not { Length: > 0 } subject
            || !TryParseRole(user.FindFirst(WebAuth.RoleClaim)?.Value, out var role))
        {
            return false;
        }

        caller = new ApiCallerView(subject, role, user.FindFirst(WebAuth.OrganisationClaim)?.Value, user.FindFirst(WebAuth.MscClaim)?.Value);
        return true;
    }

    public static bool TryParseRole(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
