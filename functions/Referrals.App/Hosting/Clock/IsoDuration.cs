using System.Globalization;

namespace Referrals.App.Hosting.Clock;

/// <summary>
/// Parses the ISO 8601 durations the development clock accepts: <c>PnW</c>, or <c>PnDTnHnMnS</c> with any of
/// its parts (seconds may have a fraction). Years and months are refused because their length depends on the
/// date they start from; negative durations are refused because the clock only moves forward.
/// </summary>
public static class IsoDuration
{
    /// <summary>The longest accepted duration; past it a typo is likelier than intent.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    private const string Example = "an ISO 8601 duration such as P3D, PT2H30M or P1W";

    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = Check(text?.Trim(), ref duration);
        return error is null;
    }

    private static string? Check(string? text, ref TimeSpan duration)
    {
        if (string.IsNullOrEmpty(text))
        {
            return $"Required: {Example}.";
        }

        if (text[0] == '-')
        {
            return "The clock only moves forward: give a positive duration.";
        }

        if (char.ToUpperInvariant(text[0]) != 'P' || text.Length < 3)
        {
            return $"Not {Example}.";
        }

        decimal seconds = 0;
        var inTime = false;
        var lastRank = -1;
        var components = 0;
        var weeks = false;
        var position = 1;
        while (position < text.Length)
        {
            if (char.ToUpperInvariant(text[position]) == 'T')
            {
                if (inTime || position == text.Length - 1)
                {
                    return $"Not {Example}: 'T' comes once and is followed by hours, minutes or seconds.";
                }

                inTime = true;
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '.' or ','))
            {
                position++;
            }

            if (position == start || position == text.Length)
            {
                return $"Not {Example}: each number needs a unit letter after it.";
            }

            var number = text[start..position].Replace(',', '.');
            var designator = char.ToUpperInvariant(text[position]);
            position++;
            var (rank, unitSeconds) = (inTime, designator) switch
            {
                (false, 'Y') or (false, 'M') => (-2, 0m),
                (false, 'W') => (0, 7m * 86400),
                (false, 'D') => (1, 86400m),
                (true, 'H') => (2, 3600m),
                (true, 'M') => (3, 60m),
                (true, 'S') => (4, 1m),
                _ => (-1, 0m),
            };
            if (rank == -2)
            {
                return "Years and months have no fixed length: use days (P30D) or weeks (P4W).";
            }

            if (rank < 0 || rank <= lastRank)
            {
                return $"Not {Example}: '{designator}' is not allowed there.";
            }

            if (number.Contains('.', StringComparison.Ordinal) && designator != 'S')
            {
                return "Only seconds may have a fraction (PT1.5S); use a smaller unit instead.";
            }

            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return $"Not {Example}: '{number}' is not a number.";
            }

            if (value > (decimal)Longest.TotalSeconds)
            {
                return $"Longer than the longest allowed advance ({Longest.TotalDays:0} days).";
            }

            weeks |= designator == 'W' && !inTime;
            lastRank = rank;
            components++;
            seconds += value * unitSeconds;
        }

        if (components == 0)
        {
            return $"Not {Example}: it has no parts.";
        }

        if (weeks && components > 1)
        {
            return "Weeks stand alone (P2W); otherwise use days (P14DT2H).";
        }

        if (seconds > (decimal)Longest.TotalSeconds)
        {
            return $"Longer than the longest allowed advance ({Longest.TotalDays:0} days).";
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
        return null;
    }
}
