using Referrals.Contracts;

namespace Referrals.Web.Api;

// Shapes of the WEB-SPLIT.md additions that Referrals.Contracts does not have yet (the richer list summaries, the
// dashboard, the Development clock). They mirror the spec field for field under names of their own, so they can
// coexist with the Contracts records until this app switches to those (reading ignores members it does not know).

/// <summary><c>GET /api/referrals</c> items with the additions of WEB-SPLIT.md (all additive, all optional).</summary>
public sealed record ApiReferralSummary(
    string Id,
    string Status,
    MscRef? Msc,
    string Priority,
    string Municipality,
    string ExpectedReturnDate,
    NextDeadlineResponse? NextDeadline,
    string? MunicipalityName = null,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? AcknowledgeBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    ApiReturneeName? Returnee = null);

public sealed record ApiReturneeName(string GivenName, string FamilyName);

public sealed record ApiReferralList(IReadOnlyList<ApiReferralSummary> Items, string? ContinuationToken);

/// <summary><c>GET /api/reports/dashboard</c>: counts and durations only.</summary>
public sealed record ApiDashboard(
    DateTimeOffset AsOf,
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<ApiWeeklyCount> ReferralsPerWeek,
    IReadOnlyList<ApiAcknowledgementFigure> Acknowledgement,
    IReadOnlyList<ApiSmsStatusCount> SmsDelivery,
    IReadOnlyList<ApiNeedCount> NeedsByMunicipality,
    int ReferralsCounted);

public sealed record ApiWeeklyCount(DateOnly WeekStart, string Msc, int Count);

public sealed record ApiAcknowledgementFigure(string Msc, int Acknowledged, int OnTime, int OverdueOpen,
    double? MedianHoursTaken, double? MedianHoursAllowed, double? OnTimeShare);

public sealed record ApiSmsStatusCount(MessageStatus Status, int Count);

public sealed record ApiNeedCount(string Municipality, string? MunicipalityName, Need Need, int Count);

/// <summary><c>GET /dev/clock</c> (Development only).</summary>
public sealed record ApiClock(DateTimeOffset Now);
