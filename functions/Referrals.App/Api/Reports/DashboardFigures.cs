using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Api.Reports;

/// <summary>The coordinator's figures. Counts and durations only: no names, phones, notes or referral ids.</summary>
public sealed record DashboardFigures(
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<WeeklyCount> ReferralsPerWeek,
    IReadOnlyList<AcknowledgementFigure> Acknowledgement,
    IReadOnlyList<SmsStatusCount> SmsDelivery,
    IReadOnlyList<NeedCount> NeedsByMunicipality,
    int ReferralsCounted);

/// <summary>Referrals submitted in the week starting <paramref name="WeekStart"/> (Monday, Belgrade) to an MSC.</summary>
public sealed record WeeklyCount(DateOnly WeekStart, string MscId, int Count);

/// <summary>Per MSC: how many were acknowledged, how many of those on time, how many are past the deadline and
/// still waiting, and the median time taken against the median time allowed (hours).</summary>
public sealed record AcknowledgementFigure(string MscId, int Acknowledged, int OnTime, int OverdueOpen,
    double? MedianHoursTaken, double? MedianHoursAllowed)
{
    /// <summary>Acknowledged on time out of everything whose deadline has been decided (acknowledged, or overdue).</summary>
    public double? OnTimeShare => Acknowledged + OverdueOpen == 0 ? null : (double)OnTime / (Acknowledged + OverdueOpen);
}

public sealed record SmsStatusCount(MessageStatus Status, int Count);

public sealed record NeedCount(string MunicipalityCode, Need Need, int Count);
