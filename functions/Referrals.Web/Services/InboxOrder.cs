using Referrals.Contracts;
using Referrals.Web.Api;

namespace Referrals.Web.Services;

/// <summary>Most urgent first: the earliest open deadline first (so the most overdue lead), emergencies before
/// urgent before normal at the same time, referrals with nothing due last.</summary>
public static class InboxOrder
{
    public static IReadOnlyList<ReferralSummaryResponse> Sort(IEnumerable<ReferralSummaryResponse> rows) =>
        [.. rows
            .OrderBy(r => r.NextDeadline is null ? 1 : 0)
            .ThenBy(r => r.NextDeadline?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => PriorityRank(r.Priority))
            .ThenBy(r => r.Id, StringComparer.Ordinal)];

    private static int PriorityRank(string priority) => priority switch
    {
        "emergency" => 0,
        "urgent" => 1,
        _ => 2,
    };
}
