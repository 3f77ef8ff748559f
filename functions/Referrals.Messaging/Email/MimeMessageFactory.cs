using MimeKit;

namespace Referrals.Messaging.Email;

/// <summary>Builds the MIME message (text and HTML alternatives) an SMTP server receives.</summary>
internal static class MimeMessageFactory
{
    /// <exception cref="ParseException">An address is not a valid mailbox (the message says which field, not the value).</exception>
    public static MimeMessage Create(EmailMessage email, EmailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Date = now,
            Subject = email.Subject,
            MessageId = MessageIds.For(email.EffectId, options.FromAddress!),
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress!));
        message.To.AddRange(email.To.Select(Mailbox));
        message.Cc.AddRange(email.Cc.Select(Mailbox));
        message.Headers.Add(HeaderId.ContentLanguage, email.Language);
        message.Headers.Add(ReferralsHeaders.Kind, email.Kind);
        return message;
    }

    private static MailboxAddress Mailbox(EmailRecipient recipient)
    {
        if (!MailboxAddress.TryParse(recipient.Address, out var mailbox) || string.IsNullOrEmpty(mailbox.Domain))
        {
            throw new ParseException("A recipient address is not a valid mailbox.", 0, 0);
        }

        mailbox.Name = recipient.DisplayName;
        return mailbox;
    }
}

/// <summary>Headers this system adds so staff mail rules and tests can tell its messages apart.</summary>
public static class ReferralsHeaders
{
    public const string Kind = "X-Referrals-Kind";
}
