using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Payload of <see cref="ReferralEffects.UpdateProjection"/>: the referral summary read models (advisor inbox by MSC,
/// scout view by organisation, reports) store. No names, phones or notes. <paramref name="Revision"/> only grows, so
/// a handler can ignore a projection older than the one it already wrote.
/// </summary>
public sealed record ReferralProjection(
    string Id,
    long Revision,
    ReferralStatus Status,
    string? MscId,
    string Organisation,
    string ScoutId,
    Priority Priority,
    string MunicipalityCode,
    DateOnly ExpectedReturnDate,
    DeadlineView? NextDeadline,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcknowledgedAt,
    bool SmsOptedOut,
    int ParkedEffects,
    DateTimeOffset UpdatedAt);
