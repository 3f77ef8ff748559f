using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Referrals.Messaging.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per message (staff mail is low volume, and a fresh
/// connection means a server restart between sends costs nothing). A 4xx reply or a connection problem is transient;
/// a 5xx reply (a rejected recipient, sender or message) is permanent.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger)
    : IEmailSender
{
    public async Task<EmailSendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await TrySendAsync(message, cancellationToken).ConfigureAwait(false);
        EmailLog.Outcome(logger, message.Kind, message.EffectId, outcome.Status, outcome.Reason);
        return outcome;
    }

    private async Task<EmailSendOutcome> TrySendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        MimeMessage mime;
        try
        {
            mime = MimeMessageFactory.Create(message, settings, time.GetUtcNow());
        }
        catch (ParseException)
        {
            return EmailSendOutcome.Permanent("A recipient address is not a valid mailbox.");
        }

        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocket(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return EmailSendOutcome.Sent;
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var reason = $"SMTP {code} ({e.ErrorCode})";
            return code is >= 500 and < 600 ? EmailSendOutcome.Permanent(reason) : EmailSendOutcome.Transient(reason);
        }
        catch (AuthenticationException)
        {
            // Our credentials, not the message: it will go through once the setting is fixed.
            return EmailSendOutcome.Transient("SMTP authentication failed.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return EmailSendOutcome.Transient("SMTP timed out.");
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpProtocolException
                                      or ServiceNotConnectedException or SslHandshakeException)
        {
            return EmailSendOutcome.Transient($"SMTP connection failed ({e.GetType().Name}).");
        }
    }

    private static SecureSocketOptions SecureSocket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
