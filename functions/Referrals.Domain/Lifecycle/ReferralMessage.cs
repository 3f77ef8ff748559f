using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// One SMS or email the referral caused. <paramref name="Id"/> is also the effect id. <paramref name="Kind"/> is the
/// template kind (<see cref="SmsKind"/> or <see cref="EmailKind"/> in camelCase). <paramref name="Phone"/> is the
/// number an SMS went to (personal data; the API shows it masked). <paramref name="At"/> is the last status change.
/// </summary>
public sealed record ReferralMessage(
    string Id,
    MessageChannel Channel,
    string Kind,
    MessageRecipient To,
    MessageStatus Status,
    DateTimeOffset At,
    string? Phone = null,
    SmsEncoding? Encoding = null,
    int? Segments = null,
    string? ProviderSid = null,
    int? ErrorCode = null,
    DateTimeOffset? HeldUntil = null);
