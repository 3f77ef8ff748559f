using Referrals.Domain.Calendar;

namespace Referrals.App.Referrals.Digest;

/// <summary>The working day a digest is for and the end of its "due" window.</summary>
public sealed record DigestDay(DateOnly Date, DateTimeOffset DueBy);

/// <summary>
/// Whether a run at a given instant should send the digest: on a Serbian working day, from
/// <see cref="DailyDigestOptions.SendAt"/> Belgrade time until midnight, so a late first run still catches up that day.
/// "Due" means due by the end of that Belgrade day, which is what the email's "due today" heading says.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The day to send for, or null before the send time or on a weekend or public holiday.</summary>
    public static DigestDay? At(DateTimeOffset now, TimeOnly sendAt, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.LocalDate(now, TimeZones.Belgrade);
        if (!calendar.IsWorkingDay(today) || now < calendar.AtLocalTime(today, sendAt, TimeZones.Belgrade))
        {
            return null;
        }

        return new DigestDay(today, calendar.AtLocalTime(today.AddDays(1), TimeOnly.MinValue, TimeZones.Belgrade));
    }
}
