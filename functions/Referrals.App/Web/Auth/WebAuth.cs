using Microsoft.AspNetCore.Authorization;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Auth;

/// <summary>
/// The pages' own authentication: a cookie scheme (the API's default is JWT bearer), and policies that name that
/// scheme explicitly, so a bearer token never opens a page and a page cookie never calls the API.
/// </summary>
public static class WebAuth
{
    public const string CookieScheme = "ReferralsWeb";
    public const string OpenIdScheme = "ReferralsWebOidc";

    /// <summary>The OpenID Connect standard claim for a person's time zone (IANA id).</summary>
    public const string ZoneInfoClaim = "zoneinfo";

    public const string Scout = "web:scout";
    public const string Advisor = "web:advisor";
    public const string Coordinator = "web:coordinator";
    public const string Staff = "web:staff";
    public const string AnyRole = "web:any";

    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Scout, p => Require(p, Role.Scout))
        .AddPolicy(Advisor, p => Require(p, Role.Advisor))
        .AddPolicy(Coordinator, p => Require(p, Role.Coordinator))
        .AddPolicy(Staff, p => Require(p, Role.Advisor, Role.Coordinator))
        .AddPolicy(AnyRole, p => Require(p, Role.Scout, Role.Advisor, Role.Coordinator));

    private static void Require(AuthorizationPolicyBuilder policy, params Role[] roles) => policy
        .AddAuthenticationSchemes(CookieScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Caller.TryFrom(context.User, out var caller) && roles.Contains(caller.Role));
}
