using System.Text.Json;
using Referrals.Contracts;

namespace Referrals.Web.Api;

// The shapes of the endpoints WEB-SPLIT.md adds (GET /api/me, reference data, SMS preview, dashboard, the richer
// list summaries). They mirror the spec field for field; the names differ from the Contracts records wip/api adds so
// that both can coexist until this app switches to those (reading ignores members it does not know).

/// <summary><c>GET /api/me</c>: the caller as the API resolved the token.</summary>
public sealed record ApiCaller(string Subject, string Role, string? Org, string? Msc);

/// <summary><c>GET /api/municipalities</c>.</summary>
public sealed record ApiMunicipality(string Code, string NameLatin, string NameCyrillic, string? MscId);

/// <summary><c>GET /api/arrival-points</c>.</summary>
public sealed record ApiArrivalPoint(string Code, string Name);

/// <summary><c>GET /api/checklist?language=</c>; items stay JSON (plain text, or an object with short and detail).</summary>
public sealed record ApiChecklist(string Language, string? Title, IReadOnlyList<ApiChecklistSection> Sections);

public sealed record ApiChecklistSection(string Title, IReadOnlyList<JsonElement> Items);

/// <summary><c>POST /api/sms-preview</c>.</summary>
public sealed record ApiSmsPreviewRequest(string? Municipality, DateOnly? ExpectedReturnDate, string? PreferredLanguage);

public sealed record ApiSmsPreview(string Text, string Language, SmsEncoding Encoding, int Segments, int Length,
    bool Transliterated, MscRef? Msc);

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
