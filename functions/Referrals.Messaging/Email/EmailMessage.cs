namespace Referrals.Messaging.Email;

/// <summary>A mailbox; the display name is optional.</summary>
public sealed record EmailRecipient(string Address, string? DisplayName = null);

/// <summary>
/// An email ready to send. <paramref name="EffectId"/> is the outbox effect's stable id: the sender derives the
/// Message-Id from it, so a retried send carries the same id and a receiving system can recognise the duplicate.
/// </summary>
public sealed record EmailMessage(
    string EffectId,
    string Kind,
    string Language,
    IReadOnlyList<EmailRecipient> To,
    IReadOnlyList<EmailRecipient> Cc,
    string Subject,
    string HtmlBody,
    string TextBody);
