using Microsoft.Extensions.Options;
using NodaTime;

namespace Referrals.Domain.Calendar;

/// <summary>
/// The SMS quiet-hours rule: nothing goes to a returnee between <see cref="QuietHoursOptions.Start"/> and
/// <see cref="QuietHoursOptions.End"/> in the recipient's time zone; a message due then waits for the end.
/// </summary>
public sealed class QuietHours
{
    private readonly LocalTime start;
    private readonly LocalTime end;

    public QuietHours(IOptions<QuietHoursOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        start = LocalTime.FromTimeOnly(options.Value.Start);
        end = LocalTime.FromTimeOnly(options.Value.End);
    }

    /// <summary>True when <paramref name="instant"/> lies in quiet hours in <paramref name="timeZoneId"/>.</summary>
    public bool IsQuiet(DateTimeOffset instant, string timeZoneId) =>
        IsQuiet(Instant.FromDateTimeOffset(instant).InZone(SerbianWorkingDayCalendar.Zone(timeZoneId)).TimeOfDay);

    /// <summary>
    /// <paramref name="due"/> itself when it is outside quiet hours, otherwise the UTC instant at which quiet hours end
    /// in <paramref name="timeZoneId"/>.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset due, string timeZoneId)
    {
        var zone = SerbianWorkingDayCalendar.Zone(timeZoneId);
        var local = Instant.FromDateTimeOffset(due).InZone(zone).LocalDateTime;
        if (!IsQuiet(local.TimeOfDay))
        {
            return due;
        }

        // Before midnight in a window that wraps past it, the window ends on the next day.
        var endDate = start > end && local.TimeOfDay >= start ? local.Date.PlusDays(1) : local.Date;
        return endDate.At(end).InZoneLeniently(zone).ToDateTimeOffset().ToUniversalTime();
    }

    private bool IsQuiet(LocalTime time) =>
        start < end ? time >= start && time < end : time >= start || time < end;
}
