namespace Referrals.Contracts;

// Command bodies. Every member is nullable so a missing field is reported as "Required." at its path by
// ReferralRequestChecks instead of silently defaulting (a missing enum would otherwise become its first value).

/// <summary><c>POST /api/referrals/{id}/acknowledge</c>.</summary>
public sealed record AcknowledgeRequest(string? Note = null);

/// <summary><c>POST /api/referrals/{id}/reject</c>.</summary>
public sealed record RejectRequest(RejectionReason? Reason = null, string? Note = null, string? SuggestedMsc = null);

/// <summary><c>POST /api/referrals/{id}/reassign</c>.</summary>
public sealed record ReassignRequest(string? Msc = null, string? Note = null);

/// <summary><c>POST /api/referrals/{id}/withdraw</c>.</summary>
public sealed record WithdrawRequest(string? Reason = null);

/// <summary><c>POST /api/referrals/{id}/arrival</c>.</summary>
public sealed record ArrivalRequest(DateOnly? ArrivedOn = null);

/// <summary><c>POST /api/referrals/{id}/first-contact</c>.</summary>
public sealed record FirstContactRequest(DateOnly? On = null, string? Note = null);

/// <summary><c>POST /api/referrals/{id}/follow-ups/{n}</c> and <c>POST /api/referrals/{id}/close</c>.</summary>
public sealed record OutcomeRequest(string? Outcome = null, string? Note = null);

/// <summary><c>PATCH /api/referrals/{id}</c>: only the members present change.</summary>
public sealed record PatchReferralRequest(DateOnly? ExpectedReturnDate = null, PatchReturneeRequest? Returnee = null);

public sealed record PatchReturneeRequest(string? Phone = null, string? PreferredLanguage = null);
