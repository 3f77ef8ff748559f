namespace Referrals.Contracts;

/// <summary>An MSC as referrals show it.</summary>
public sealed record MscRef(string Id, string? Name);

/// <summary>The answer to a submission (201, and again for a repeated Idempotency-Key with the same body).</summary>
public sealed record SubmittedReferralResponse(string Id, ReferralStatus Status, MscRef? Msc, DateTimeOffset? AcknowledgeBy);

/// <summary><c>GET /api/referrals/{id}</c>: the submitted fields the caller may see, plus the case's progress.</summary>
public sealed record ReferralResponse(
    string Id,
    ReferralStatus Status,
    MscRef? Msc,
    ReturneeResponse Returnee,
    Household Household,
    DateOnly ExpectedReturnDate,
    string ArrivalPoint,
    string Municipality,
    string? MunicipalityName,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    Priority Priority,
    Consent Consent,
    string? Notes,
    Referrer Referrer,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcknowledgeBy,
    bool SmsOptedOut,
    IReadOnlyList<TimelineEntryResponse> Timeline,
    IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<MessageResponse> Messages,
    IReadOnlyList<StaffNoteResponse>? StaffNotes);

/// <summary>The returnee; <see cref="Phone"/> and <see cref="Email"/> are masked for coordinators.</summary>
public sealed record ReturneeResponse(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Gender Gender,
    string Phone,
    string? Email,
    string PreferredLanguage);

public sealed record TimelineEntryResponse(DateTimeOffset At, string Type, string Actor,
    IReadOnlyDictionary<string, string?> Detail);

public sealed record DeadlineResponse(string Kind, DateTimeOffset DueAt, DeadlineState State);

public sealed record MessageResponse(MessageChannel Channel, string Kind, string To, MessageStatus Status,
    SmsEncoding? Encoding, int? Segments, DateTimeOffset At);

/// <summary>Notes staff entered with their commands (acknowledge, follow-ups, close).</summary>
public sealed record StaffNoteResponse(string Context, string Text, DateTimeOffset At, string By);

/// <summary><c>GET /api/referrals</c>: one page of summaries.</summary>
public sealed record ReferralListResponse(IReadOnlyList<ReferralSummaryResponse> Items, string? ContinuationToken);

/// <summary>One referral in a list. <see cref="Returnee"/> is filled only for scouts (their organisation's list) and
/// null for everyone else; the members after <see cref="NextDeadline"/> may be null for rows written before they
/// existed.</summary>
public sealed record ReferralSummaryResponse(string Id, string Status, MscRef? Msc, string Priority,
    string Municipality, string ExpectedReturnDate, NextDeadlineResponse? NextDeadline,
    string? MunicipalityName = null, DateTimeOffset? SubmittedAt = null, DateTimeOffset? AcknowledgeBy = null,
    DateTimeOffset? AcknowledgedAt = null, ReturneeNameResponse? Returnee = null);

/// <summary>The returnee's name in a scout's own list.</summary>
public sealed record ReturneeNameResponse(string GivenName, string FamilyName);

public sealed record NextDeadlineResponse(string Kind, DateTimeOffset DueAt, string State);

/// <summary><c>GET /api/referrals/{id}/audit</c>: every read and change by a person, oldest first.</summary>
public sealed record AuditTrailResponse(string Id, IReadOnlyList<AuditTrailEntryResponse> Items);

public sealed record AuditTrailEntryResponse(DateTimeOffset At, string Actor, string? Role, string Action, string Kind);

/// <summary><c>GET /api/mscs</c>: one centre of the directory.</summary>
public sealed record MscResponse(string Id, string Name, string City, string Address, string Phone, string Email,
    string Hours, IReadOnlyList<string> Municipalities);
