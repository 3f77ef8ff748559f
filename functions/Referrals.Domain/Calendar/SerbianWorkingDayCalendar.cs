using System.Collections.Concurrent;
using System.Collections.Frozen;
using NodaTime;

namespace Referrals.Domain.Calendar;

/// <summary>
/// Serbian public holidays (Law on State and Other Holidays) and working-day arithmetic, with time zones from the
/// NodaTime tzdb shipped in the package, so results do not depend on the host's time zone data.
/// </summary>
public sealed class SerbianWorkingDayCalendar : IWorkingDayCalendar
{
    private readonly ConcurrentDictionary<int, YearHolidays> years = new();

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ForYear(date.Year).Dates.Contains(date);

    public IReadOnlyList<PublicHoliday> HolidaysIn(int year) => ForYear(year).Holidays;

    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var current = NextWorkingDayFrom(date);
        for (var counted = 0; counted < workingDays; counted++)
        {
            current = NextWorkingDayFrom(current.AddDays(1));
        }

        return current;
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset instant, int workingDays)
    {
        var zone = Zone(TimeZones.Belgrade);
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;
        var date = local.Date.ToDateOnly();

        // A deadline started on a weekend or holiday runs from the start of the next working day.
        var time = IsWorkingDay(date) ? local.TimeOfDay.ToTimeOnly() : TimeOnly.MinValue;
        return AtLocalTime(AddWorkingDays(date, workingDays), time, TimeZones.Belgrade);
    }

    public DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time, string timeZoneId)
    {
        var local = NodaTime.LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time));

        // Lenient: a wall time skipped by the spring change moves forward by the gap; an ambiguous autumn time
        // takes the earlier instant, so a deadline is never later than it reads.
        return local.InZoneLeniently(Zone(timeZoneId)).ToDateTimeOffset().ToUniversalTime();
    }

    public DateOnly LocalDate(DateTimeOffset instant, string timeZoneId)
    {
        return Instant.FromDateTimeOffset(instant).InZone(Zone(timeZoneId)).Date.ToDateOnly();
    }

    /// <summary>The tzdb zone for an IANA id; an unknown id is a programming or configuration error.</summary>
    internal static DateTimeZone Zone(string timeZoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
        ?? throw new ArgumentException($"Unknown IANA time zone '{timeZoneId}'.", nameof(timeZoneId));

    private DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private YearHolidays ForYear(int year) => years.GetOrAdd(year, static y => new YearHolidays(ComputeHolidays(y)));

    private static List<PublicHoliday> ComputeHolidays(int year)
    {
        var easter = OrthodoxEaster.Sunday(year);
        var holidays = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "New Year's Day", Religious: false),
            new(new DateOnly(year, 1, 2), "New Year's Day (second day)", Religious: false),
            new(new DateOnly(year, 1, 7), "Orthodox Christmas", Religious: true),
            new(new DateOnly(year, 2, 15), "Statehood Day", Religious: false),
            new(new DateOnly(year, 2, 16), "Statehood Day (second day)", Religious: false),
            new(easter.AddDays(-2), "Orthodox Good Friday", Religious: true),
            new(easter, "Orthodox Easter Sunday", Religious: true),
            new(easter.AddDays(1), "Orthodox Easter Monday", Religious: true),
            new(new DateOnly(year, 5, 1), "Labour Day", Religious: false),
            new(new DateOnly(year, 5, 2), "Labour Day (second day)", Religious: false),
            new(new DateOnly(year, 11, 11), "Armistice Day", Religious: false),
        };

        // The Sunday rule: a state (non-religious) holiday on a Sunday makes the next working day off. The next
        // working day skips days that are already holidays, so 1 January on a Sunday frees Tuesday 3 January, and
        // Labour Day on Easter Sunday frees the Tuesday after Easter Monday.
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var sundayHolidays = holidays.Where(h => !h.Religious && h.Date.DayOfWeek == DayOfWeek.Sunday).ToList();
        foreach (var holiday in sundayHolidays)
        {
            var dayOff = holiday.Date.AddDays(1);
            while (dayOff.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(dayOff))
            {
                dayOff = dayOff.AddDays(1);
            }

            taken.Add(dayOff);
            holidays.Add(new PublicHoliday(dayOff, $"{holiday.Name}, day off (holiday on a Sunday)", Religious: false));
        }

        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays;
    }

    private sealed class YearHolidays(List<PublicHoliday> holidays)
    {
        public IReadOnlyList<PublicHoliday> Holidays { get; } = holidays.AsReadOnly();

        public FrozenSet<DateOnly> Dates { get; } = holidays.Select(h => h.Date).ToFrozenSet();
    }
}
