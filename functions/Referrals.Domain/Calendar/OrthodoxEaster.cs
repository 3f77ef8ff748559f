namespace Referrals.Domain.Calendar;

/// <summary>Orthodox Easter Sunday: the Julian computus, converted to the Gregorian calendar.</summary>
public static class OrthodoxEaster
{
    /// <summary>The Gregorian date of Orthodox Easter Sunday in <paramref name="year"/> (1583–4099).</summary>
    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 4099);

        // Meeus' Julian algorithm gives the date in the Julian calendar.
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;

        // Julian → Gregorian: the calendars drift apart by one day in each century year not divisible by 400.
        // Easter always falls after 1 March, so the year's own century counts.
        var drift = (year / 100) - (year / 400) - 2;
        return new DateOnly(year, month, day).AddDays(drift);
    }
}
