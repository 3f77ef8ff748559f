using System.Globalization;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;

namespace Referrals.App.Api.Projections;

/// <summary>
/// Partition keys of the referral list table. Every referral is listed in "all" (coordinators without an MSC
/// filter), in its organisation's partition (scouts) and in its MSC's partition (advisors, coordinators filtering
/// by MSC), so every list is a single-partition query. Rows within a partition sort newest submission first.
/// </summary>
public static class ProjectionPartitions
{
    public const string All = "all";

    public static string ForOrganisation(string organisation) => "org-" + Uri.EscapeDataString(organisation);

    public static string ForMsc(string mscId) => "msc-" + Uri.EscapeDataString(mscId);

    /// <summary>The partition a caller's list reads, and the MSC filter to apply within it: an advisor's MSC, a
    /// scout's organisation (optionally filtered by MSC), or for coordinators all or one MSC.</summary>
    public static (string Partition, string? MscFilter) ForCaller(Caller caller, string? msc) => caller.Role switch
    {
        Role.Advisor => (ForMsc(caller.Msc!), null),
        Role.Scout => (ForOrganisation(caller.Organisation!), msc),
        _ => (msc is null ? All : ForMsc(msc), null),
    };

    public static string RowKey(DateTimeOffset submittedAt, string referralId) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks:D19}-{referralId}");
}
