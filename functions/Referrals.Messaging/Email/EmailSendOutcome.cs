namespace Referrals.Messaging.Email;

/// <summary>What happened to a send: the caller retries <see cref="EmailSendStatus.Transient"/> and parks <see cref="EmailSendStatus.Permanent"/>.</summary>
public enum EmailSendStatus
{
    Sent,
    Transient,
    Permanent,
}

/// <summary>
/// The outcome of one send. <paramref name="Reason"/> is built from status codes and exception types only, never from
/// a server's reply text (which often quotes the recipient's address), so it is safe to log and store.
/// </summary>
public sealed record EmailSendOutcome(EmailSendStatus Status, string? Reason)
{
    public static EmailSendOutcome Sent { get; } = new(EmailSendStatus.Sent, null);

    public static EmailSendOutcome Transient(string reason) => new(EmailSendStatus.Transient, reason);

    public static EmailSendOutcome Permanent(string reason) => new(EmailSendStatus.Permanent, reason);
}

/// <summary>Sends one email; never throws for a delivery problem (that is the outcome), only for a bug or cancellation.</summary>
public interface IEmailSender
{
    Task<EmailSendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
