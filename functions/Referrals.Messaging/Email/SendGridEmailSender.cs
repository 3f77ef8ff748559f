using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Referrals.Messaging.Email;

/// <summary>
/// Sends through the SendGrid v3 Mail Send API. 429 and 5xx are transient; any other 4xx is permanent (the request
/// itself is wrong and would fail again). The effect id travels as a custom argument, so SendGrid's event webhook can
/// be matched back to the outbox effect.
/// </summary>
internal sealed class SendGridEmailSender(
    IHttpClientFactory httpClientFactory, IOptions<EmailOptions> options, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public const string HttpClientName = "SendGrid";
    public const string EffectIdArgument = "effectId";

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
        var client = new SendGridClient(
            httpClientFactory.CreateClient(HttpClientName),
            new SendGridClientOptions { ApiKey = settings.SendGrid.ApiKey, Host = settings.SendGrid.BaseUrl.ToString().TrimEnd('/') });
        try
        {
            var response = await client.SendEmailAsync(Build(message, settings), cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => EmailSendOutcome.Sent,
                (int)HttpStatusCode.TooManyRequests or >= 500 => EmailSendOutcome.Transient($"SendGrid HTTP {status}"),
                _ => EmailSendOutcome.Permanent($"SendGrid HTTP {status}"),
            };
        }
        catch (HttpRequestException e)
        {
            return EmailSendOutcome.Transient($"SendGrid unreachable ({e.HttpRequestError}).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return EmailSendOutcome.Transient("SendGrid timed out.");
        }
    }

    internal static SendGridMessage Build(EmailMessage message, EmailOptions settings)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromAddress, settings.FromName),
            Subject = message.Subject,
            PlainTextContent = message.TextBody,
            HtmlContent = message.HtmlBody,
        };
        mail.AddTos(message.To.Select(r => new EmailAddress(r.Address, r.DisplayName)).ToList());
        if (message.Cc.Count > 0)
        {
            mail.AddCcs(message.Cc.Select(r => new EmailAddress(r.Address, r.DisplayName)).ToList());
        }

        mail.AddHeader("Content-Language", message.Language);
        mail.AddHeader(ReferralsHeaders.Kind, message.Kind);
        mail.AddCustomArg(EffectIdArgument, message.EffectId);
        return mail;
    }
}
