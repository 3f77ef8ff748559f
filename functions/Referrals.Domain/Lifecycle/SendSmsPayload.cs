using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Payload of <see cref="ReferralEffects.SendSms"/>: one SMS to the returnee. <paramref name="MessageId"/> equals the
/// effect id and is the idempotency key. <paramref name="MscId"/> is null while the referral waits for routing.
/// The handler reports back with <see cref="SmsAccepted"/>, <see cref="SmsHeld"/> or <see cref="SmsStatusChanged"/>.
/// </summary>
public sealed record SendSmsPayload(
    string MessageId,
    SmsKind Kind,
    string ReferralId,
    string? MscId,
    Language Language,
    string Phone,
    IReadOnlyDictionary<string, string> Values);
