using System.Globalization;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Localization;

/// <summary>Shows instants in the viewer's zone (Belgrade for staff, the scout's own zone for scouts) and says how
/// far a deadline is, for the current UI culture.</summary>
public sealed class UiClock(IOptions<WebOptions> options, TimeProvider time, UiText text)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public TimeZoneInfo ZoneFor(Caller caller, string? zoneClaim)
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
