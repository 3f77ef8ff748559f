namespace Referrals.Contracts;

// Shapes for the endpoints the staff web app needs besides the referral commands (WEB-SPLIT.md, 1–5).

/// <summary><c>GET /api/me</c>: the caller as the API resolved the token (<see cref="Org"/> for scouts,
/// <see cref="Msc"/> for advisors).</summary>
public sealed record CallerResponse(string Subject, Role Role, string? Org, string? Msc);

/// <summary><c>GET /api/municipalities</c>: one municipality and the MSC it routes to.</summary>
public sealed record MunicipalityResponse(string Code, string NameLatin, string NameCyrillic, string MscId);

/// <summary><c>GET /api/arrival-points</c>: a place a returnee enters Serbia through.</summary>
public sealed record ArrivalPointResponse(string Code, string Name);

/// <summary><c>GET /api/checklist</c>: the pre-return checklist in <see cref="Language"/> (the language served after
/// fallback). Sections are <c>beforeReturn</c> and <c>onArrival</c>, in that order; <see cref="Title"/> is null
/// while the checklist has no title of its own.</summary>
public sealed record ChecklistResponse(string Language, string? Title, IReadOnlyList<ChecklistSectionResponse> Sections);

/// <summary>One part of the checklist; <see cref="Title"/> is its key (<c>beforeReturn</c>, <c>onArrival</c>), which
/// the client labels in its own language.</summary>
public sealed record ChecklistSectionResponse(string Title, IReadOnlyList<ChecklistItemResponse> Items);

/// <summary>A few words for an SMS (<see cref="Short"/>) and the explanation for the scout (<see cref="Detail"/>).
/// </summary>
public sealed record ChecklistItemResponse(string Short, string Detail);

/// <summary><c>POST /api/sms-preview</c>: what the scout's form holds so far. Members are nullable so a missing one
/// is reported at its path.</summary>
public sealed record SmsPreviewRequest(string? Municipality = null, DateOnly? ExpectedReturnDate = null,
    string? PreferredLanguage = null);

/// <summary>The first SMS (the submission confirmation) as the returnee would get it: rendered in
/// <see cref="Language"/>, encoded, with its cost in <see cref="Segments"/>, and the MSC it names.</summary>
public sealed record SmsPreviewResponse(string Text, string Language, SmsEncoding Encoding, int Segments, int Length,
    bool Transliterated, MscRef Msc);
