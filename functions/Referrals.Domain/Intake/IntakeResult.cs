using System.Diagnostics.CodeAnalysis;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;

namespace Referrals.Domain.Intake;

/// <summary>
/// What <see cref="IntakeValidator"/> decided: the normalized referral and the centre it routes to, or the errors
/// keyed by JSON path ("returnee.phone", "needs[2]") in the shape of a problem-details <c>errors</c> object.
/// </summary>
public sealed class IntakeResult
{
    private IntakeResult(ReferralDetails? details, MigrationServiceCentre? msc, IReadOnlyDictionary<string, string[]> errors)
    {
        Details = details;
        Msc = msc;
        Errors = errors;
    }

    [MemberNotNullWhen(true, nameof(Details), nameof(Msc))]
    public bool IsValid => Details is not null;

    public ReferralDetails? Details { get; }

    /// <summary>The centre the municipality routes to.</summary>
    public MigrationServiceCentre? Msc { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    internal static IntakeResult Accepted(ReferralDetails details, MigrationServiceCentre msc) =>
        new(details, msc, new Dictionary<string, string[]>());

    internal static IntakeResult Rejected(IReadOnlyDictionary<string, string[]> errors) => new(null, null, errors);
}
