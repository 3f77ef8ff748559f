using Referrals.Contracts;
using Referrals.App.Api.Reports;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Tests.Api;

/// <summary>The dashboard's arithmetic on report rows (each built from a referral state the way the decider's
/// projection builds it).</summary>
public sealed class DashboardCalculatorTests
{
    private static readonly TimeZoneInfo Belgrade = TimeZoneInfo.FindSystemTimeZoneById("Europe/Belgrade");

    // Thursday 19 November 2026, 12:00 Belgrade.
    private static readonly DateTimeOffset Now = new(2026, 11, 19, 11, 0, 0, TimeSpan.Zero);

    private static ReferralState Referral(string msc, DateTimeOffset submitted, Need[] needs, string municipality = "nis",
        Acknowledgement? ack = null, ReferralStatus status = ReferralStatus.AwaitingAcknowledgement,
        TimeSpan? allowed = null, params ReferralMessage[] messages) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..20],
        Status = ack is null ? status : ReferralStatus.Acknowledged,
        Details = new ReferralDetails(
            new Returnee("Test", "Person", new DateOnly(1980, 1, 1), Gender.Other, "+4915155500000", null, Language.En),
            new Household(1, 0), new DateOnly(2026, 12, 20), "BEG", municipality, needs, [], Priority.Normal,
            new Consent(true, true, submitted, ConsentMethod.SignedForm, "2026-1"), null, new Referrer("s", "o")),
        MscId = msc,
        Assignments = [new MscAssignment(msc, submitted, "s", AssignmentReason.Submitted)],
        SubmittedAt = submitted,
        Deadlines = [new ReferralDeadline(DeadlineKinds.Acknowledge, submitted + (allowed ?? TimeSpan.FromHours(120)),
            ack is null ? DeadlineState.Pending : DeadlineState.Met, null, null, null)],
        Acknowledgement = ack,
        Messages = messages,
    };

    private static ReportRow[] Rows(params ReferralState[] states) => [.. states.Select(s => ReportRow.Of(s, Now))];

    [Fact]
    public void Weeks_start_on_monday_in_belgrade()
    {
        // Sunday 22:30 UTC is already Monday 23 November in Belgrade.
        Assert.Equal(new DateOnly(2026, 11, 23), DashboardCalculator.WeekStart(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero), Belgrade));
        Assert.Equal(new DateOnly(2026, 11, 16), DashboardCalculator.WeekStart(Now, Belgrade));
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0, 5.0 }, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 3.0 }, 2.5)]
    public void Median_of_durations(double[] values, double? expected)
    {
        Assert.Equal(expected, DashboardCalculator.Median(values));
    }

    [Fact]
    public void Figures_count_weeks_acknowledgements_sms_and_needs()
    {
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var referrals = new[]
        {
            Referral("nis", monday, [Need.Employment, Need.Documents], ack: new Acknowledgement(monday.AddHours(10), "a", false),
                messages: new ReferralMessage("m1", MessageChannel.Sms, "acknowledged", MessageRecipient.Returnee, MessageStatus.Delivered, monday)),
            Referral("nis", monday.AddDays(-7), [Need.Employment], ack: new Acknowledgement(monday.AddDays(-7).AddHours(150), "a", true),
                messages: new ReferralMessage("m2", MessageChannel.Sms, "acknowledged", MessageRecipient.Returnee, MessageStatus.Failed, monday)),
            Referral("beograd", monday.AddDays(-10), [Need.Housing], municipality: "beograd-zemun", allowed: TimeSpan.FromHours(24)),
            Referral("beograd", monday.AddDays(-100), [Need.Housing], municipality: "beograd-zemun"),
        };

        var figures = DashboardCalculator.Compute(Rows(referrals), Now, Belgrade, weeks: 4);

        Assert.Equal([new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)], figures.Weeks);
        Assert.Equal(
            [new WeeklyCount(new DateOnly(2026, 11, 2), "beograd", 1), new WeeklyCount(new DateOnly(2026, 11, 9), "nis", 1), new WeeklyCount(new DateOnly(2026, 11, 16), "nis", 1)],
            figures.ReferralsPerWeek);

        var nis = figures.Acknowledgement.Single(a => a.MscId == "nis");
        Assert.Equal((2, 1, 0), (nis.Acknowledged, nis.OnTime, nis.OverdueOpen));
        Assert.Equal(80, nis.MedianHoursTaken);
        Assert.Equal(120, nis.MedianHoursAllowed);
        Assert.Equal(0.5, nis.OnTimeShare);
        var beograd = figures.Acknowledgement.Single(a => a.MscId == "beograd");
        Assert.Equal((0, 0, 2), (beograd.Acknowledged, beograd.OnTime, beograd.OverdueOpen));
        Assert.Equal(0, beograd.OnTimeShare);

        Assert.Equal([new SmsStatusCount(MessageStatus.Delivered, 1), new SmsStatusCount(MessageStatus.Failed, 1)], figures.SmsDelivery);
        Assert.Contains(new NeedCount("beograd-zemun", Need.Housing, 2), figures.NeedsByMunicipality);
        Assert.Contains(new NeedCount("nis", Need.Employment, 2), figures.NeedsByMunicipality);
        Assert.Equal(4, figures.ReferralsCounted);
    }

    [Fact]
    public void Csv_has_one_row_per_figure_and_no_personal_data()
    {
        var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var figures = DashboardCalculator.Compute(Rows(Referral("nis", monday, [Need.LegalAid])), Now, Belgrade, 2);

        var csv = DashboardCsv.Write(figures).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(DashboardCsv.Header, csv[0]);
        Assert.Contains("referralsPerWeek,2026-11-16,nis,1", csv);
        Assert.Contains("needsByMunicipality,nis,legalAid,1", csv);
        Assert.Contains("acknowledged,nis,,0", csv);
        Assert.DoesNotContain(csv, line => line.Contains("Person", StringComparison.Ordinal) || line.Contains("+49", StringComparison.Ordinal));
    }
}
