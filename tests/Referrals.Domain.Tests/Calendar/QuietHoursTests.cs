using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Referrals.Domain.Calendar;

namespace Referrals.Domain.Tests.Calendar;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Default = new(Options.Create(new QuietHoursOptions()));

    private static DateTimeOffset I(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    // Winter (UTC+1) and summer (UTC+2), both zones; the times in the comments are local.
    [InlineData("2026-12-09T19:59:00Z", TimeZones.Belgrade, false)] // 20:59
    [InlineData("2026-12-09T20:00:00Z", TimeZones.Belgrade, true)] // 21:00
    [InlineData("2026-12-10T06:59:00Z", TimeZones.Belgrade, true)] // 07:59
    [InlineData("2026-12-10T07:00:00Z", TimeZones.Belgrade, false)] // 08:00
    [InlineData("2026-07-09T18:59:00Z", TimeZones.Berlin, false)] // 20:59
    [InlineData("2026-07-09T19:00:00Z", TimeZones.Berlin, true)] // 21:00
    [InlineData("2026-07-10T05:59:00Z", TimeZones.Berlin, true)] // 07:59
    [InlineData("2026-07-10T06:00:00Z", TimeZones.Berlin, false)] // 08:00
    [InlineData("2026-07-09T23:00:00Z", TimeZones.Belgrade, true)] // 01:00
    [InlineData("2026-07-09T10:00:00Z", TimeZones.Berlin, false)] // 12:00
    public void IsQuiet_holds_from_21_00_inclusive_to_08_00_exclusive(string instant, string zone, bool quiet)
    {
        Assert.Equal(quiet, Default.IsQuiet(I(instant), zone));
    }

    [Theory]
    [InlineData("2026-12-09T19:59:00Z", TimeZones.Belgrade, "2026-12-09T19:59:00Z")] // 20:59 goes now
    [InlineData("2026-12-09T20:00:00Z", TimeZones.Belgrade, "2026-12-10T07:00:00Z")] // 21:00 waits for 08:00
    [InlineData("2026-12-09T23:30:00Z", TimeZones.Berlin, "2026-12-10T07:00:00Z")] // 00:30 waits for 08:00
    [InlineData("2026-12-10T06:59:00Z", TimeZones.Belgrade, "2026-12-10T07:00:00Z")] // 07:59 waits a minute
    [InlineData("2026-12-10T07:00:00Z", TimeZones.Belgrade, "2026-12-10T07:00:00Z")] // 08:00 goes now
    [InlineData("2026-07-09T19:00:00Z", TimeZones.Berlin, "2026-07-10T06:00:00Z")] // summer 21:00 waits for 08:00
    // Held across the spring DST change: 23:00 CET on 28 March waits for 08:00 CEST on 29 March.
    [InlineData("2026-03-28T22:00:00Z", TimeZones.Belgrade, "2026-03-29T06:00:00Z")]
    // And across the autumn change: 22:00 CEST on 24 October waits for 08:00 CET on 25 October.
    [InlineData("2026-10-24T20:00:00Z", TimeZones.Berlin, "2026-10-25T07:00:00Z")]
    public void NextAllowed_holds_a_message_due_in_quiet_hours_until_08_00_local(string due, string zone, string expected)
    {
        Assert.Equal(I(expected), Default.NextAllowed(I(due), zone));
    }

    [Theory]
    [InlineData("2026-12-09T20:30:00Z", false, "2026-12-09T20:30:00Z")] // 21:30 local: allowed
    [InlineData("2026-12-09T21:00:00Z", true, "2026-12-10T06:00:00Z")] // 22:00 local: held until 07:00
    public void Quiet_hours_are_configurable(string due, bool quiet, string expected)
    {
        var custom = new QuietHours(Options.Create(new QuietHoursOptions { Start = new(22, 0), End = new(7, 0) }));
        Assert.Equal(quiet, custom.IsQuiet(I(due), TimeZones.Belgrade));
        Assert.Equal(I(expected), custom.NextAllowed(I(due), TimeZones.Belgrade));
    }

    [Theory]
    [InlineData("2026-12-09T23:59:00Z", false, "2026-12-09T23:59:00Z")] // 00:59 local
    [InlineData("2026-12-10T00:00:00Z", true, "2026-12-10T05:00:00Z")] // 01:00 local, held until 06:00
    public void A_window_that_does_not_wrap_midnight_also_works(string due, bool quiet, string expected)
    {
        var custom = new QuietHours(Options.Create(new QuietHoursOptions { Start = new(1, 0), End = new(6, 0) }));
        Assert.Equal(quiet, custom.IsQuiet(I(due), TimeZones.Belgrade));
        Assert.Equal(I(expected), custom.NextAllowed(I(due), TimeZones.Belgrade));
    }

    [Fact]
    public void Options_with_equal_start_and_end_are_invalid()
    {
        var options = new QuietHoursOptions { Start = new(8, 0), End = new(8, 0) };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("QuietHours:Start", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
