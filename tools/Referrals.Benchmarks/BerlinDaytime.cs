namespace Referrals.Benchmarks;

/// <summary>
/// The benchmarks' returnees have German numbers, so SMS quiet hours (21:00 to 08:00 there) would hold their texts
/// at night and make a run's work depend on the hour it started. Runs therefore happen in Berlin's working hours on
/// the app's clock.
/// </summary>
internal static class BerlinDaytime
{
    private static readonly TimeZoneInfo s_berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>How far to move a clock reading <paramref name="now"/> so it reads working hours in Berlin: zero
    /// between 09:00 and 17:00 there, else up to the next 10:00, in whole seconds.</summary>
    public static TimeSpan OffsetFrom(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, s_berlin);
        if (local.Hour is >= 9 and < 17)
        {
            return TimeSpan.Zero;
        }

        var target = new DateTime(local.Year, local.Month, local.Day, 10, 0, 0, DateTimeKind.Unspecified);
        if (target <= local.DateTime)
        {
            target = target.AddDays(1);
        }

        var by = new DateTimeOffset(target, s_berlin.GetUtcOffset(target)) - now;
        return TimeSpan.FromSeconds(Math.Ceiling(by.TotalSeconds));
    }
}
