using System.Globalization;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Localization;

namespace Referrals.Web.Dashboard;

/// <summary>The five dashboard charts as SVG, from the API's figures (pure apart from the texts).</summary>
public sealed record DashboardChartSet(string PerWeek, string AckTime, string OnTime, string Sms, string Needs);

public sealed class DashboardCharts(UiText text)
{
    /// <param name="mscNames">Short MSC names by id (the city); the id itself where unknown.</param>
    public DashboardChartSet Build(DashboardResponse f, IReadOnlyDictionary<string, string> mscNames)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(mscNames);
        string MscName(string id) => mscNames.GetValueOrDefault(id) ?? id;

        var weekLabels = f.Weeks.Select(w => w.ToString("d MMM", CultureInfo.CurrentCulture)).ToList();
        var series = f.ReferralsPerWeek.Select(c => c.Msc).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(msc => new ChartSeries(MscName(msc), [.. f.Weeks.Select(w =>
                (double)f.ReferralsPerWeek.Where(c => c.Msc == msc && c.WeekStart == w).Sum(c => c.Count))]))
            .ToList();
        var perWeek = SvgCharts.StackedColumns("per-week", text["dashboard.perWeek"], text["dashboard.perWeekDesc"], weekLabels, series);

        var ackBars = f.Acknowledgement.Where(a => a.MedianHoursTaken is not null && a.MedianHoursAllowed is > 0)
            .Select(a => new ChartBar(MscName(a.Msc), 100 * a.MedianHoursTaken!.Value / a.MedianHoursAllowed!.Value,
                text.Format("dashboard.ackTimeValue", a.MedianHoursTaken.Value, a.MedianHoursAllowed.Value)))
            .ToList();
        var ackTime = SvgCharts.Bars("ack-time", text["dashboard.ackTime"], text["dashboard.ackTimeDesc"], ackBars,
            Math.Max(100, ackBars.Select(b => b.Value).DefaultIfEmpty(0).Max() * 1.1), 100, text["dashboard.deadline"]);

        var onTimeBars = f.Acknowledgement.Where(a => a.OnTimeShare is not null)
            .Select(a => new ChartBar(MscName(a.Msc), 100 * a.OnTimeShare!.Value,
                text.Format("dashboard.onTimeValue", a.OnTimeShare.Value, a.OnTime, a.Acknowledged + a.OverdueOpen)))
            .ToList();
        var onTime = SvgCharts.Bars("on-time", text["dashboard.onTime"], text["dashboard.onTimeDesc"], onTimeBars, 100);

        var smsTotal = f.SmsDelivery.Sum(s => s.Count);
        var smsBars = f.SmsDelivery.Select(s => new ChartBar(text.Of(s.Status), s.Count,
            text.Format("dashboard.smsValue", s.Count, smsTotal == 0 ? 0 : (double)s.Count / smsTotal))).ToList();
        var sms = SvgCharts.Bars("sms", text["dashboard.sms"], text["dashboard.smsDesc"], smsBars,
            SvgCharts.NiceMax(smsBars.Select(b => b.Value).DefaultIfEmpty(0).Max()));

        // Needs down the side (long labels), municipalities across (short names).
        var codes = f.NeedsByMunicipality.Select(n => n.Municipality).Distinct(StringComparer.Ordinal).ToList();
        var names = f.NeedsByMunicipality.GroupBy(n => n.Municipality, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => n.MunicipalityName).FirstOrDefault(n => n is not null) ?? g.Key, StringComparer.Ordinal);
        var needs = Enum.GetValues<Need>();
        var needsChart = SvgCharts.HeatGrid("needs", text["dashboard.needs"], text["dashboard.needsDesc"],
            [.. needs.Select(n => text.Of(n))],
            [.. codes.Select(code => names[code])],
            (r, c) => f.NeedsByMunicipality.Where(n => n.Municipality == codes[c] && n.Need == needs[r]).Sum(n => n.Count));

        return new DashboardChartSet(perWeek, ackTime, onTime, sms, needsChart);
    }
}
