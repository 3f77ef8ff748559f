using Microsoft.Extensions.Options;
using Referrals.App.Api.Projections;
using Referrals.Domain.Calendar;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.App.Web.Dashboard;

/// <summary>
/// Reads the newest referrals (the "all" list, then each state) and computes the dashboard. Bounded by
/// <see cref="WebOptions.DashboardMaxReferrals"/>; a report projection would make this one partition read.
/// </summary>
public sealed class DashboardReader(
    ReferralListQuery lists,
    IWorkflowClient<ReferralState, ReferralCommand> workflow,
    IOptions<WebOptions> options,
    TimeProvider time)
{
    private static readonly TimeZoneInfo Belgrade = TimeZoneInfo.FindSystemTimeZoneById(TimeZones.Belgrade);

    public async Task<DashboardFigures> ReadAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.DashboardMaxReferrals;
        var states = new List<ReferralState>();
        string? token = null;
        do
        {
            var page = await lists.ReadAsync(ProjectionPartitions.All, null, false, null, token,
                Math.Min(ReferralListQuery.MaxPageSize, limit - states.Count), cancellationToken);
            if (page is null)
            {
                break;
            }

            foreach (var row in page.Items)
            {
                if (await workflow.GetStateAsync(row.Id, cancellationToken) is { } state)
                {
                    states.Add(state);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null && states.Count < limit);

        return DashboardCalculator.Compute(states, time.GetUtcNow(), Belgrade, options.Value.DashboardWeeks);
    }
}
