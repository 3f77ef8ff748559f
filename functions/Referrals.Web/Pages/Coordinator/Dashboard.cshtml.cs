using Referrals.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Dashboard;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages.Coordinator;

/// <summary>The coordinator's dashboard: five charts as server-rendered SVG, the same figures as CSV.</summary>
[Authorize(Policy = WebAuth.Coordinator)]
public sealed class DashboardModel(UiClock clock, IReferralsApi api, ReferenceData reference, DashboardCharts charts,
    IOptions<WebOptions> options) : WebPage(clock)
{
    public DashboardResponse Figures { get; private set; } = null!;

    public DashboardChartSet Charts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await api.GetDashboardAsync(options.Value.DashboardWeeks, cancellationToken);
        var mscs = await reference.MscsAsync(cancellationToken);
        Charts = charts.Build(Figures, mscs.ToDictionary(m => m.Id, m => m.City, StringComparer.Ordinal));
    }
}
