using System.Globalization;

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

    public static string RowKey(DateTimeOffset submittedAt, string referralId) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks:D19}-{referralId}");
}
