using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Api.Reports;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Dashboard;
using Referrals.App.Web.Localization;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Pages.Coordinator;

/// <summary>The coordinator's dashboard: five charts as server-rendered SVG, the same figures as CSV.</summary>
[Authorize(Policy = WebAuth.Coordinator)]
public sealed class DashboardModel(UiClock clock, UiText text, DashboardReport report, IOptions<WebOptions> options,
    MscDirectory mscs, MunicipalityDirectory municipalities) : WebPage(clock)
{
    public DashboardFigures Figures { get; private set; } = null!;

    public string PerWeekChart { get; private set; } = string.Empty;

    public string AckTimeChart { get; private set; } = string.Empty;

    public string OnTimeChart { get; private set; } = string.Empty;

    public string SmsChart { get; private set; } = string.Empty;

    public string NeedsChart { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await report.ComputeAsync(options.Value.DashboardWeeks, cancellationToken);
        var f = Figures;

        var weekLabels = f.Weeks.Select(w => w.ToString("d MMM", CultureInfo.CurrentCulture)).ToList();
        var series = f.ReferralsPerWeek.Select(c => c.MscId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(msc => new ChartSeries(MscName(msc), [.. f.Weeks.Select(w =>
                (double)f.ReferralsPerWeek.Where(c => c.MscId == msc && c.WeekStart == w).Sum(c => c.Count))]))
            .ToList();
        PerWeekChart = SvgCharts.StackedColumns("per-week", text["dashboard.perWeek"], text["dashboard.perWeekDesc"],
            weekLabels, series);

        var ackBars = f.Acknowledgement.Where(a => a.MedianHoursTaken is not null && a.MedianHoursAllowed is > 0)
            .Select(a => new ChartBar(MscName(a.MscId), 100 * a.MedianHoursTaken!.Value / a.MedianHoursAllowed!.Value,
                text.Format("dashboard.ackTimeValue", a.MedianHoursTaken.Value, a.MedianHoursAllowed.Value)))
            .ToList();
        AckTimeChart = SvgCharts.Bars("ack-time", text["dashboard.ackTime"], text["dashboard.ackTimeDesc"], ackBars,
            Math.Max(100, ackBars.Select(b => b.Value).DefaultIfEmpty(0).Max() * 1.1), 100, text["dashboard.deadline"]);

        var onTimeBars = f.Acknowledgement.Where(a => a.OnTimeShare is not null)
            .Select(a => new ChartBar(MscName(a.MscId), 100 * a.OnTimeShare!.Value,
                text.Format("dashboard.onTimeValue", a.OnTimeShare.Value, a.OnTime, a.Acknowledged + a.OverdueOpen)))
            .ToList();
        OnTimeChart = SvgCharts.Bars("on-time", text["dashboard.onTime"], text["dashboard.onTimeDesc"], onTimeBars, 100);

        var smsTotal = f.SmsDelivery.Sum(s => s.Count);
        var smsBars = f.SmsDelivery.Select(s => new ChartBar(text.Of(s.Status), s.Count,
            text.Format("dashboard.smsValue", s.Count, smsTotal == 0 ? 0 : (double)s.Count / smsTotal))).ToList();
        SmsChart = SvgCharts.Bars("sms", text["dashboard.sms"], text["dashboard.smsDesc"], smsBars,
            SvgCharts.NiceMax(smsBars.Select(b => b.Value).DefaultIfEmpty(0).Max()));

        // Needs down the side (long labels), municipalities across (short names).
        var codes = f.NeedsByMunicipality.Select(n => n.MunicipalityCode).Distinct(StringComparer.Ordinal).ToList();
        var needs = Enum.GetValues<Need>();
        NeedsChart = SvgCharts.HeatGrid("needs", text["dashboard.needs"], text["dashboard.needsDesc"],
            [.. needs.Select(n => text.Of(n))],
            [.. codes.Select(code => municipalities.ByCode(code)?.NameLatin ?? code)],
            (r, c) => f.NeedsByMunicipality.Where(n => n.MunicipalityCode == codes[c] && n.Need == needs[r]).Sum(n => n.Count));
    }

    private string MscName(string id) => mscs.Find(id)?.City ?? id;
}
