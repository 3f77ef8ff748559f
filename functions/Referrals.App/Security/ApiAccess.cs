using Referrals.Contracts;

namespace Referrals.App.Security;

/// <summary>Which roles each API endpoint admits, declared once; endpoints pass one of these to
/// <see cref="RequestAuthenticator.RequireAsync"/> as their first step.</summary>
public static class ApiAccess
{
    public static readonly IReadOnlySet<Role> Scout = Of(Role.Scout);
    public static readonly IReadOnlySet<Role> Advisor = Of(Role.Advisor);
    public static readonly IReadOnlySet<Role> Coordinator = Of(Role.Coordinator);
    public static readonly IReadOnlySet<Role> AdvisorOrCoordinator = Of(Role.Advisor, Role.Coordinator);
    public static readonly IReadOnlySet<Role> AnyRole = Of(Role.Scout, Role.Advisor, Role.Coordinator);

    private static IReadOnlySet<Role> Of(params Role[] roles) => roles.ToHashSet();
}
