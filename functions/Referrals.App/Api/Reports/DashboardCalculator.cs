using Referrals.Contracts;

namespace Referrals.App.Api.Reports;

/// <summary>Computes <see cref="DashboardFigures"/> from report rows. Pure: the clock and zone come in.</summary>
public static class DashboardCalculator
{
    public static DashboardFigures Compute(IReadOnlyCollection<ReportRow> referrals, DateTimeOffset now,
        TimeZoneInfo zone, int weeks, int topMunicipalities = 10)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(zone);
        var thisWeek = WeekStart(now, zone);
        var weekStarts = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i))).ToList();

        var perWeek = referrals
            .Select(r => (Week: WeekStart(r.SubmittedAt, zone), Msc: r.FirstMscId))
            .Where(r => r.Week >= weekStarts[0] && r.Msc is not null)
            .GroupBy(r => (r.Week, Msc: r.Msc!))
            .Select(g => new WeeklyCount(g.Key.Week, g.Key.Msc, g.Count()))
            .OrderBy(c => c.WeekStart).ThenBy(c => c.MscId, StringComparer.Ordinal)
            .ToList();

        var acknowledgement = referrals
            .Where(r => r.AcknowledgeBy is not null && r.AcknowledgingMscId is not null)
            .GroupBy(r => r.AcknowledgingMscId!, StringComparer.Ordinal)
            .Select(g =>
            {
                var acknowledged = g.Where(r => r.AcknowledgedAt is not null).ToList();
                var overdueOpen = g.Count(r => r.AcknowledgedAt is null
                    && r.Status == ReferralStatus.AwaitingAcknowledgement && now > r.AcknowledgeBy!.Value);
                return new AcknowledgementFigure(
                    g.Key,
                    acknowledged.Count,
                    acknowledged.Count(r => r.AcknowledgedLate != true),
                    overdueOpen,
                    Median(acknowledged.Select(r => (r.AcknowledgedAt!.Value - r.WaitStartedAt).TotalHours)),
                    Median(acknowledged.Select(r => (r.AcknowledgeBy!.Value - r.WaitStartedAt).TotalHours)));
            })
            .OrderBy(f => f.MscId, StringComparer.Ordinal)
            .ToList();

        var sms = referrals
            .SelectMany(r => r.Sms)
            .GroupBy(t => t.Status)
            .Select(g => new SmsStatusCount(g.Key, g.Sum(t => t.Count)))
            .OrderBy(c => c.Status)
            .ToList();

        var topCodes = referrals
            .GroupBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(topMunicipalities)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var needs = referrals
            .Where(r => topCodes.Contains(r.MunicipalityCode))
            .SelectMany(r => r.Needs.Distinct().Select(n => (r.MunicipalityCode, Need: n)))
            .GroupBy(x => x)
            .Select(g => new NeedCount(g.Key.MunicipalityCode, g.Key.Need, g.Count()))
            .OrderBy(c => c.MunicipalityCode, StringComparer.Ordinal).ThenBy(c => c.Need)
            .ToList();

        return new DashboardFigures(weekStarts, perWeek, acknowledgement, sms, needs, referrals.Count);
    }

    /// <summary>The Monday (in <paramref name="zone"/>) of the week <paramref name="instant"/> falls in.</summary>
    public static DateOnly WeekStart(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var sinceMonday = ((int)local.DayOfWeek + 6) % 7;
        return local.AddDays(-sinceMonday);
    }

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
