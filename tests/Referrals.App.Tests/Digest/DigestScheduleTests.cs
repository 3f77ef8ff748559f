using System.Globalization;
using Referrals.App.Referrals.Digest;
using Referrals.Domain.Calendar;

namespace Referrals.App.Tests.Digest;

/// <summary>When a run sends the digest: working days in Serbia, from 08:00 Belgrade time until midnight.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeOnly s_eight = new(8, 0);
    private readonly SerbianWorkingDayCalendar _calendar = new();

    [Theory]
    [InlineData("2026-11-10T08:00:00+01:00", "2026-11-10")] // Tuesday, on the minute
    [InlineData("2026-11-10T08:00:01+01:00", "2026-11-10")]
    [InlineData("2026-11-10T14:30:00+01:00", "2026-11-10")] // catching up after downtime
    [InlineData("2026-11-10T23:59:59+01:00", "2026-11-10")]
    [InlineData("2026-11-10T07:00:00Z", "2026-11-10")] // 08:00 Belgrade in winter is 07:00 UTC
    [InlineData("2026-07-01T06:00:00Z", "2026-07-01")] // and 06:00 UTC in summer
    [InlineData("2026-11-12T08:00:00+01:00", "2026-11-12")] // the day after Armistice Day
    [InlineData("2027-01-08T08:00:00+01:00", "2027-01-08")] // the day after Orthodox Christmas
    public void A_working_day_from_eight_Belgrade_time_is_a_sending_day(string now, string expected)
    {
        var day = DigestSchedule.At(Instant(now), s_eight, _calendar);

        Assert.NotNull(day);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), day.Date);
    }

    [Theory]
    [InlineData("2026-11-10T07:59:59+01:00")] // a second early
    [InlineData("2026-11-10T06:59:59Z")]
    [InlineData("2026-07-01T05:59:59Z")] // 07:59:59 Belgrade summer time
    [InlineData("2026-11-10T00:00:00+01:00")]
    [InlineData("2026-11-09T23:30:00Z")] // 00:30 Tuesday in Belgrade, still Monday in UTC
    [InlineData("2026-11-14T09:00:00+01:00")] // Saturday
    [InlineData("2026-11-15T09:00:00+01:00")] // Sunday
    [InlineData("2026-11-11T09:00:00+01:00")] // Armistice Day
    [InlineData("2027-01-07T09:00:00+01:00")] // Orthodox Christmas
    [InlineData("2027-05-03T09:00:00+02:00")] // Orthodox Easter Monday
    [InlineData("2027-04-30T09:00:00+02:00")] // Orthodox Good Friday
    [InlineData("2027-01-01T09:00:00+01:00")] // New Year's Day
    [InlineData("2026-02-16T09:00:00+01:00")] // Statehood Day
    public void Before_eight_weekends_and_public_holidays_are_not_sending_moments(string now)
    {
        Assert.Null(DigestSchedule.At(Instant(now), s_eight, _calendar));
    }

    [Theory]
    [InlineData("2026-11-10T08:00:00+01:00", "2026-11-11T00:00:00+01:00")]
    [InlineData("2026-10-23T08:00:00+02:00", "2026-10-24T00:00:00+02:00")]
    [InlineData("2027-03-26T08:00:00+01:00", "2027-03-27T00:00:00+01:00")]
    public void Due_means_due_by_midnight_Belgrade_time_that_day(string now, string dueBy)
    {
        var day = DigestSchedule.At(Instant(now), s_eight, _calendar);

        Assert.Equal(Instant(dueBy), day?.DueBy);
    }

    [Fact]
    public void A_configured_send_time_moves_the_first_sending_moment()
    {
        var ten = new TimeOnly(10, 0);

        Assert.Null(DigestSchedule.At(new DateTimeOffset(2026, 11, 10, 9, 59, 0, TimeSpan.FromHours(1)), ten, _calendar));
        Assert.NotNull(DigestSchedule.At(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(1)), ten, _calendar));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
