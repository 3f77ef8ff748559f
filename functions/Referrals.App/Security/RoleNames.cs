using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Security;

/// <summary>The wire names of <see cref="Role"/> (the <c>role</c> claim and policy names).</summary>
public static class RoleNames
{
    public const string Scout = "scout";
    public const string Advisor = "advisor";
    public const string Coordinator = "coordinator";

    public static string ToName(this Role role) => role switch
    {
        Role.Scout => Scout,
        Role.Advisor => Advisor,
        Role.Coordinator => Coordinator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Exactly one of the wire names, case included: a token saying "COORDINATOR" is not from an issuer
    /// that knows our roles, and grants nothing.</summary>
    public static bool TryParse(string? value, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToName(), value, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
