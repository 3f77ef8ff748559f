using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Dashboard;

/// <summary>Computes <see cref="DashboardFigures"/> from referral states. Pure: the clock and zone come in.</summary>
public static class DashboardCalculator
{
    public static DashboardFigures Compute(IReadOnlyCollection<ReferralState> referrals, DateTimeOffset now,
        TimeZoneInfo zone, int weeks, int topMunicipalities = 10)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(zone);
        var thisWeek = WeekStart(now, zone);
        var weekStarts = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i))).ToList();

        var perWeek = referrals
            .Select(r => (Week: WeekStart(r.SubmittedAt, zone), Msc: FirstMsc(r)))
            .Where(r => r.Week >= weekStarts[0] && r.Msc is not null)
            .GroupBy(r => (r.Week, Msc: r.Msc!))
            .Select(g => new WeeklyCount(g.Key.Week, g.Key.Msc, g.Count()))
            .OrderBy(c => c.WeekStart).ThenBy(c => c.MscId, StringComparer.Ordinal)
            .ToList();

        var acknowledgement = referrals
            .Select(r => (State: r, Deadline: r.FindDeadline(DeadlineKinds.Acknowledge), Msc: AcknowledgingMsc(r)))
            .Where(r => r.Deadline is not null && r.Msc is not null)
            .GroupBy(r => r.Msc!, StringComparer.Ordinal)
            .Select(g =>
            {
                var acknowledged = g.Where(r => r.State.Acknowledgement is not null).ToList();
                var overdueOpen = g.Count(r => r.State.Acknowledgement is null
                    && r.State.Status == ReferralStatus.AwaitingAcknowledgement && now > r.Deadline!.DueAt);
                return new AcknowledgementFigure(
                    g.Key,
                    acknowledged.Count,
                    acknowledged.Count(r => !r.State.Acknowledgement!.Late),
                    overdueOpen,
                    Median(acknowledged.Select(r => (r.State.Acknowledgement!.At - StartOfWait(r.State)).TotalHours)),
                    Median(acknowledged.Select(r => (r.Deadline!.DueAt - StartOfWait(r.State)).TotalHours)));
            })
            .OrderBy(f => f.MscId, StringComparer.Ordinal)
            .ToList();

        var sms = referrals
            .SelectMany(r => r.Messages)
            .Where(m => m.Channel == MessageChannel.Sms)
            .GroupBy(m => m.Status)
            .Select(g => new SmsStatusCount(g.Key, g.Count()))
            .OrderBy(c => c.Status)
            .ToList();

        var topCodes = referrals
            .GroupBy(r => r.Details.MunicipalityCode, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(topMunicipalities)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var needs = referrals
            .Where(r => topCodes.Contains(r.Details.MunicipalityCode))
            .SelectMany(r => r.Details.Needs.Distinct().Select(n => (r.Details.MunicipalityCode, Need: n)))
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

    /// <summary>The MSC a referral was first routed to (who it was submitted to, for the weekly counts).</summary>
    private static string? FirstMsc(ReferralState state) =>
        state.Assignments.Count > 0 ? state.Assignments[0].MscId ?? state.MscId : state.MscId;

    /// <summary>The MSC the acknowledge deadline ran against: the current one (reassignment restarts the clock).</summary>
    private static string? AcknowledgingMsc(ReferralState state) =>
        state.MscId ?? state.Assignments.LastOrDefault(a => a.MscId is not null)?.MscId;

    /// <summary>When the current MSC's wait began: its latest assignment.</summary>
    private static DateTimeOffset StartOfWait(ReferralState state) =>
        state.Assignments.Count > 0 ? state.Assignments[^1].At : state.SubmittedAt;
}
