using Microsoft.AspNetCore.Authorization;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Security;

/// <summary>Authorization policies by role. A policy passes only when the token resolves to a
/// <see cref="Caller"/> whose role is allowed, so endpoints can rely on the caller being complete.</summary>
public static class ApiPolicies
{
    public const string Scout = "scout";
    public const string Advisor = "advisor";
    public const string Coordinator = "coordinator";
    public const string AdvisorOrCoordinator = "advisorOrCoordinator";
    public const string AnyRole = "anyRole";

    public static AuthorizationBuilder AddReferralPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Scout, p => RequireRoles(p, Role.Scout))
        .AddPolicy(Advisor, p => RequireRoles(p, Role.Advisor))
        .AddPolicy(Coordinator, p => RequireRoles(p, Role.Coordinator))
        .AddPolicy(AdvisorOrCoordinator, p => RequireRoles(p, Role.Advisor, Role.Coordinator))
        .AddPolicy(AnyRole, p => RequireRoles(p, Role.Scout, Role.Advisor, Role.Coordinator));

    private static void RequireRoles(AuthorizationPolicyBuilder policy, params Role[] roles) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Caller.TryFrom(context.User, out var caller) && roles.Contains(caller.Role));
}
