using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Payload of <see cref="ReferralEffects.SendEmail"/>: one email to staff. <paramref name="Values"/> hold only
/// non-personal facts (initials, municipality code, priority, dates, deadline); <paramref name="ScoutId"/> lets the
/// handler resolve a scout's address. The handler reports back with <see cref="EmailSent"/>.
/// </summary>
public sealed record SendEmailPayload(
    string MessageId,
    EmailKind Kind,
    MessageRecipient Recipient,
    string ReferralId,
    string? MscId,
    string ScoutId,
    Language Language,
    IReadOnlyDictionary<string, string> Values);
