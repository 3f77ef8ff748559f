namespace Referrals.Domain.Calendar;

/// <summary>
/// Serbian working days (weekends and public holidays off) and the time zones deadlines are computed in.
/// Pure: no clock reads.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>False on Saturdays, Sundays and Serbian public holidays (including the Sunday rule).</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>The public holidays of <paramref name="year"/>, with their names.</summary>
    IReadOnlyList<PublicHoliday> HolidaysIn(int year);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="date"/>
    /// (0 = the date itself if it is a working day, otherwise the next one).</summary>
    DateOnly AddWorkingDays(DateOnly date, int workingDays);

    /// <summary>The instant <paramref name="workingDays"/> working days after <paramref name="instant"/>, keeping the
    /// Belgrade wall-clock time of day; an instant on a non-working day counts from the next working day's start.</summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset instant, int workingDays);

    /// <summary>The UTC instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="timeZoneId"/>
    /// (IANA id such as Europe/Belgrade); a wall time skipped by a DST change moves forward.</summary>
    DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time, string timeZoneId);

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="timeZoneId"/>.</summary>
    DateOnly LocalDate(DateTimeOffset instant, string timeZoneId);
}

public sealed record PublicHoliday(DateOnly Date, string Name, bool Religious);

/// <summary>IANA time zone ids the domain uses.</summary>
public static class TimeZones
{
    public const string Belgrade = "Europe/Belgrade";
    public const string Berlin = "Europe/Berlin";
}
