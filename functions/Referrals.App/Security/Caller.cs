using System.Security.Claims;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Security;

/// <summary>
/// The person behind a request, resolved from the validated token: who (<see cref="Subject"/>), in which role, and
/// the scope that role is limited to (a scout's organisation, an advisor's MSC).
/// </summary>
public sealed record Caller(string Subject, Role Role, string? Organisation, string? Msc)
{
    /// <summary>Resolves the caller; false when the token lacks a usable subject, exactly one known role, or the
    /// scope claim that role needs, or carries more than one subject, organisation or MSC (such a token is valid but
    /// grants nothing: 403).</summary>
    public static bool TryFrom(ClaimsPrincipal principal, out Caller caller)
    {
        caller = null!;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var roles = principal.FindAll(ReferralClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        // A scope given as a list is refused rather than narrowed to its first value: which value an issuer lists
        // first is no decision about what the person may see.
        if (!TrySingle(principal, ReferralClaims.Subject, out var subject) || subject is null
            || roles.Count != 1 || !RoleNames.TryParse(roles[0], out var role)
            || !TrySingle(principal, ReferralClaims.Organisation, out var organisation)
            || !TrySingle(principal, ReferralClaims.Msc, out var msc))
        {
            return false;
        }

        if ((role == Role.Scout && organisation is null) || (role == Role.Advisor && msc is null))
        {
            return false;
        }

        caller = new Caller(subject, role, organisation, msc);
        return true;
    }

    /// <summary>Whether a referral of <paramref name="organisation"/> routed to <paramref name="msc"/> is visible:
    /// a scout sees their organisation's, an advisor their MSC's, a coordinator all.</summary>
    public bool CanSee(string organisation, string? msc) => Role switch
    {
        Role.Coordinator => true,
        Role.Scout => string.Equals(Organisation, organisation, StringComparison.Ordinal),
        Role.Advisor => msc is not null && string.Equals(Msc, msc, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>False when the claim occurs more than once; otherwise its value, null when absent or blank.</summary>
    private static bool TrySingle(ClaimsPrincipal principal, string type, out string? value)
    {
        value = null;
        foreach (var claim in principal.FindAll(type))
        {
            if (value is not null)
            {
                return false;
            }

            value = claim.Value;
        }

        value = string.IsNullOrWhiteSpace(value) ? null : value;
        return true;
    }
}
