using System.Globalization;
using Referrals.Domain.Calendar;

namespace Referrals.Domain.Tests.Calendar;

public sealed class SerbianWorkingDayCalendarTests
{
    private readonly SerbianWorkingDayCalendar calendar = new();

    private static DateOnly D(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    private static DateTimeOffset I(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-01", "New Year's Day")]
    [InlineData("2026-01-02", "New Year's Day (second day)")]
    [InlineData("2026-01-07", "Orthodox Christmas")]
    [InlineData("2026-02-16", "Statehood Day (second day)")]
    [InlineData("2026-04-10", "Orthodox Good Friday")]
    [InlineData("2026-04-13", "Orthodox Easter Monday")]
    [InlineData("2026-05-01", "Labour Day")]
    [InlineData("2026-11-11", "Armistice Day")]
    public void A_public_holiday_on_a_weekday_is_not_a_working_day(string date, string name)
    {
        Assert.False(calendar.IsWorkingDay(D(date)));
        Assert.Contains(calendar.HolidaysIn(2026), h => h.Date == D(date) && h.Name == name);
    }

    [Theory]
    // 1 January on a Sunday: 2 January (Monday) is a holiday anyway, so Tuesday 3 January is off.
    [InlineData("2023-01-03")]
    // 2 January on a Sunday: Monday 3 January is off.
    [InlineData("2022-01-03")]
    // 15 February on a Sunday, 16 February a holiday Monday: Tuesday 17 February is off.
    [InlineData("2026-02-17")]
    // 16 February on a Sunday: Monday 17 February is off.
    [InlineData("2025-02-17")]
    // 1 May on a Sunday (2022): Monday is 2 May, so Tuesday 3 May is off.
    [InlineData("2022-05-03")]
    // 1 May on Easter Sunday (2016): Monday is Easter Monday and 2 May, so Tuesday 3 May is off.
    [InlineData("2016-05-03")]
    // 2 May on Easter Sunday (2021, 2027): Monday is Easter Monday, so Tuesday 4 May is off.
    [InlineData("2021-05-04")]
    [InlineData("2027-05-04")]
    // 11 November on a Sunday: Monday 12 November is off.
    [InlineData("2018-11-12")]
    public void A_state_holiday_on_a_Sunday_makes_the_next_free_working_day_off(string dayOff)
    {
        Assert.False(calendar.IsWorkingDay(D(dayOff)));
        var holiday = Assert.Single(calendar.HolidaysIn(D(dayOff).Year), h => h.Date == D(dayOff));
        Assert.False(holiday.Religious);
        Assert.Contains("holiday on a Sunday", holiday.Name, StringComparison.Ordinal);
    }

    [Theory]
    // Orthodox Christmas on a Sunday is religious: Monday 8 January 2024 is a working day.
    [InlineData("2024-01-08")]
    // The day after the compensation day is ordinary again.
    [InlineData("2023-01-04")]
    [InlineData("2026-02-18")]
    // Easter Tuesday with no state holiday on the Sunday.
    [InlineData("2026-04-14")]
    public void A_religious_holiday_on_a_Sunday_moves_nothing(string date)
    {
        Assert.True(calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void HolidaysIn_lists_eleven_holidays_in_a_year_without_Sunday_clashes_in_date_order()
    {
        // 2025: 16 February is a Sunday, so twelve; 2024 has 7 January on a Sunday (religious) and no other clash.
        var holidays2024 = calendar.HolidaysIn(2024);
        Assert.Equal(11, holidays2024.Count);
        Assert.Equal(holidays2024.OrderBy(h => h.Date), holidays2024);
        Assert.Equal(12, calendar.HolidaysIn(2025).Count);
    }

    [Theory]
    [InlineData("2026-12-05")] // Saturday
    [InlineData("2026-12-06")] // Sunday
    public void Weekends_are_not_working_days(string date)
    {
        Assert.False(calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    // Across New Year: 1–2 January holidays, the weekend, then 7 January (Orthodox Christmas).
    [InlineData("2025-12-31", 0, "2025-12-31")]
    [InlineData("2025-12-31", 1, "2026-01-05")]
    [InlineData("2025-12-31", 2, "2026-01-06")]
    [InlineData("2025-12-31", 3, "2026-01-08")]
    [InlineData("2026-01-01", 0, "2026-01-05")]
    [InlineData("2026-01-01", 1, "2026-01-06")]
    // Across Easter 2026: Good Friday 10 April, Easter Monday 13 April.
    [InlineData("2026-04-09", 1, "2026-04-14")]
    [InlineData("2026-04-08", 5, "2026-04-17")]
    // Across Easter and Labour Day 2027: Good Friday 30 April, 1 May on Saturday, 2 May on Easter Sunday,
    // Easter Monday 3 May, and 4 May off under the Sunday rule.
    [InlineData("2027-04-29", 1, "2027-05-05")]
    [InlineData("2027-04-29", 2, "2027-05-06")]
    // Weekend start counts from Monday.
    [InlineData("2026-12-05", 0, "2026-12-07")]
    [InlineData("2026-12-05", 1, "2026-12-08")]
    [InlineData("2026-12-04", 5, "2026-12-11")]
    public void AddWorkingDays_on_a_date_skips_weekends_and_holidays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), calendar.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void AddWorkingDays_rejects_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(D("2026-12-01"), -1));
    }

    [Theory]
    // Keeps the Belgrade wall-clock time (CEST, UTC+2) across Easter.
    [InlineData("2026-04-09T12:30:00Z", 1, "2026-04-14T12:30:00Z")]
    // A Saturday counts from Monday 00:00 Belgrade (previous day 22:00 UTC in summer).
    [InlineData("2026-04-11T08:00:00Z", 0, "2026-04-13T22:00:00Z")]
    [InlineData("2026-04-11T08:00:00Z", 1, "2026-04-14T22:00:00Z")]
    // Friday 10:00 CET + 1 working day = Monday 10:00 CEST: the wall time holds, the UTC offset changes.
    [InlineData("2026-03-27T09:00:00Z", 1, "2026-03-30T08:00:00Z")]
    // And back in autumn: Friday 10:00 CEST + 1 = Monday 10:00 CET.
    [InlineData("2026-10-23T08:00:00Z", 1, "2026-10-26T09:00:00Z")]
    // Late evening UTC is already the next (holiday) day in Belgrade: 31 Dec 23:30 UTC = 1 Jan 00:30 local.
    [InlineData("2025-12-31T23:30:00Z", 0, "2026-01-04T23:00:00Z")]
    [InlineData("2025-12-31T22:59:00Z", 1, "2026-01-05T22:59:00Z")]
    public void AddWorkingDays_on_an_instant_keeps_Belgrade_wall_time(string start, int days, string expected)
    {
        var result = calendar.AddWorkingDays(I(start), days);
        Assert.Equal(I(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Theory]
    [InlineData("2026-12-01", "10:00", TimeZones.Belgrade, "2026-12-01T09:00:00Z")]
    [InlineData("2026-07-01", "10:00", TimeZones.Belgrade, "2026-07-01T08:00:00Z")]
    [InlineData("2026-07-01", "10:00", TimeZones.Berlin, "2026-07-01T08:00:00Z")]
    [InlineData("2026-07-01", "10:00", "Europe/London", "2026-07-01T09:00:00Z")]
    // 02:30 does not exist on 29 March 2026: moves forward by the gap to 03:30 CEST.
    [InlineData("2026-03-29", "02:30", TimeZones.Belgrade, "2026-03-29T01:30:00Z")]
    // 02:30 happens twice on 25 October 2026: the earlier (CEST) instant.
    [InlineData("2026-10-25", "02:30", TimeZones.Belgrade, "2026-10-25T00:30:00Z")]
    public void AtLocalTime_converts_wall_time_to_UTC_across_DST(string date, string time, string zone, string expected)
    {
        var result = calendar.AtLocalTime(D(date), TimeOnly.Parse(time, CultureInfo.InvariantCulture), zone);
        Assert.Equal(I(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Theory]
    [InlineData("2026-12-31T23:30:00Z", TimeZones.Belgrade, "2027-01-01")]
    [InlineData("2026-12-31T22:59:59Z", TimeZones.Belgrade, "2026-12-31")]
    [InlineData("2026-06-30T22:30:00Z", TimeZones.Berlin, "2026-07-01")]
    [InlineData("2026-06-30T21:59:00Z", TimeZones.Berlin, "2026-06-30")]
    public void LocalDate_uses_the_zone_offset(string instant, string zone, string expected)
    {
        Assert.Equal(D(expected), calendar.LocalDate(I(instant), zone));
    }

    [Fact]
    public void An_unknown_time_zone_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => calendar.LocalDate(I("2026-01-01T00:00:00Z"), "Mars/Olympus"));
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
