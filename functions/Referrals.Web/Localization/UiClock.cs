using System.Globalization;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Web.Auth;
using Referrals.Web.Hosting;

namespace Referrals.Web.Localization;

/// <summary>Shows instants in the viewer's zone (Belgrade for staff, the scout's own zone for scouts) and says how
/// far a deadline is. "Now" is business time, read once per request (<see cref="InitializeAsync"/>).</summary>
public sealed class UiClock(IOptions<WebOptions> options, BusinessClock clock, UiText text)
{
    /// <summary>Business time for this request (the Development clock there, else the system clock).</summary>
    public DateTimeOffset Now { get; private set; } = TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync(CancellationToken cancellationToken) => Now = await clock.NowAsync(cancellationToken);

    public TimeZoneInfo ZoneFor(ApiCallerView caller, string? zoneClaim)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = caller.Role == Role.Scout
            ? (zoneClaim is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneClaim, out _) ? zoneClaim : options.Value.ScoutTimeZone)
            : options.Value.StaffTimeZone;
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Format(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The date "today" in <paramref name="zone"/>.</summary>
    public DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);

    /// <summary>"in 2 d 4 h" or "3 h overdue" relative to now.</summary>
    public string Countdown(DateTimeOffset due) => Countdown(due, Now, text);

    public static string Countdown(DateTimeOffset due, DateTimeOffset now, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var left = due - now;
        var span = left.Duration();
        var amount = span.TotalDays >= 1
            ? text.Format("time.daysHours", (int)span.TotalDays, span.Hours)
            : span.TotalHours >= 1
                ? text.Format("time.hoursMinutes", (int)span.TotalHours, span.Minutes)
                : text.Format("time.minutes", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)));
        return text.Format(left >= TimeSpan.Zero ? "time.dueIn" : "time.overdueBy", amount);
    }
}
