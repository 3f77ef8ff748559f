using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Dashboard;
using Referrals.Web.Localization;

namespace Referrals.WebApp.Units.Tests;

public sealed class DashboardChartsTests
{
    [Fact]
    public void Charts_name_mscs_by_city_and_municipalities_by_name_and_carry_no_personal_data()
    {
        var monday = new DateOnly(2026, 11, 16);
        var figures = new DashboardResponse(
            new DateTimeOffset(2026, 11, 19, 11, 0, 0, TimeSpan.Zero),
            [monday.AddDays(-7), monday],
            [new WeeklyCountResponse(monday, "nis", 3), new WeeklyCountResponse(monday.AddDays(-7), "beograd", 2)],
            [new AcknowledgementFigureResponse("nis", 2, 1, 1, 30, 120, 0.5)],
            [new SmsStatusCountResponse(MessageStatus.Delivered, 4), new SmsStatusCountResponse(MessageStatus.Failed, 1)],
            [new NeedCountResponse("70", "Niš", Need.Employment, 2)],
            5);

        var charts = new DashboardCharts(new UiText()).Build(figures,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["nis"] = "Niš", ["beograd"] = "Beograd" });

        Assert.Contains("Niš", charts.PerWeek, StringComparison.Ordinal);
        Assert.Contains("Beograd", charts.PerWeek, StringComparison.Ordinal);
        Assert.Contains(">Niš<", charts.Needs, StringComparison.Ordinal);
        Assert.All(new[] { charts.PerWeek, charts.AckTime, charts.OnTime, charts.Sms, charts.Needs },
            svg => Assert.StartsWith("<svg", svg, StringComparison.Ordinal));
    }
}
