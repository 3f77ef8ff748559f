using System.Security;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Sms.Keywords;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;
using Referrals.Workflow;

namespace Referrals.App.Referrals.Sms;

/// <summary>
/// Twilio's webhooks: delivery status of our messages and messages from returnees. Both read the request through
/// <see cref="TwilioWebhookReader"/> first: a bounded form-encoded body with a valid X-Twilio-Signature, or a 4xx
/// (403, 400, 413, 415) before anything is changed. Neither logs a number or a body.
/// </summary>
public static partial class TwilioWebhookEndpoints
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static async Task<IResult> ReceiveStatusAsync(HttpRequest request, TwilioWebhookReader reader,
        IWorkflowClient<ReferralState, ReferralCommand> referrals, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioWebhookEndpoints));
        var read = await reader.ReadAsync(request, cancellationToken);
        if (read is not TwilioWebhookReadResult.Signed { Form: var form })
        {
            return ((TwilioWebhookReadResult.Rejected)read).ToProblem();
        }

        if (!TwilioStatusCallback.TryParse(form, out var callback, out var error))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid status callback", detail: error);
        }

        var referralId = request.Query["referral"].ToString();
        var messageId = request.Query["message"].ToString();
        if (referralId.Length == 0 || ToMessageStatus(callback.Status) is not { } status)
        {
            // Not one of ours, or a status we do not track; answering 2xx stops Twilio from retrying.
            LogIgnoredCallback(logger, callback.MessageSid);
            return TypedResults.NoContent();
        }

        var result = await referrals.ExecuteAsync(referralId,
            new SmsStatusChanged(messageId.Length == 0 ? null : messageId, callback.MessageSid, status, callback.ErrorCode),
            cancellationToken);
        if (!result.Applied)
        {
            LogRejectedCallback(logger, referralId, callback.MessageSid, result.Rejection!.Reason);
        }

        return TypedResults.NoContent();
    }

    public static async Task<IResult> ReceiveMessageAsync(HttpRequest request, TwilioWebhookReader reader, ReturneePhoneIndex phones,
        IWorkflowClient<ReferralState, ReferralCommand> referrals, Microsoft.Extensions.Options.IOptions<NotificationOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TwilioWebhookEndpoints));
        var read = await reader.ReadAsync(request, cancellationToken);
        if (read is not TwilioWebhookReadResult.Signed { Form: var form })
        {
            return ((TwilioWebhookReadResult.Rejected)read).ToProblem();
        }

        if (!TwilioInboundMessage.TryParse(form, out var message, out var error))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid inbound message", detail: error);
        }

        var referralIds = SmsAddress.IsE164(message.From) ? await phones.FindAsync(message.From, cancellationToken) : [];
        if (referralIds.Count == 0)
        {
            LogUnknownSender(logger, message.MessageSid);
            return Twiml(options.Value.UnknownSenderReply);
        }

        var keyword = message.Keyword;
        ReferralCommand? command = keyword switch
        {
            InboundKeyword.Stop => new OptOutOfSms(message.Body.Trim()),
            InboundKeyword.Start => new OptInToSms(message.Body.Trim()),
            InboundKeyword.Help => new RequestSmsHelp(),
            _ => null,
        };
        LogInbound(logger, message.MessageSid, keyword, referralIds.Count);
        if (command is not null)
        {
            foreach (var referralId in referralIds)
            {
                await referrals.ExecuteAsync(referralId, command, cancellationToken);
            }
        }

        // Confirmations and help go out as tracked messages through the outbox, in the returnee's language.
        return Twiml(reply: null);
    }

    private static IResult Twiml(string? reply) => TypedResults.Content(
        reply is null ? EmptyTwiml
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{SecurityElement.Escape(reply)}</Message></Response>",
        "text/xml");

    private static MessageStatus? ToMessageStatus(TwilioMessageStatus status) => status switch
    {
        TwilioMessageStatus.Accepted or TwilioMessageStatus.Scheduled or TwilioMessageStatus.Queued => MessageStatus.Queued,
        TwilioMessageStatus.Sending or TwilioMessageStatus.Sent => MessageStatus.Sent,
        TwilioMessageStatus.Delivered or TwilioMessageStatus.Read or TwilioMessageStatus.PartiallyDelivered => MessageStatus.Delivered,
        TwilioMessageStatus.Undelivered => MessageStatus.Undelivered,
        TwilioMessageStatus.Failed or TwilioMessageStatus.Canceled => MessageStatus.Failed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Status callback for message {MessageSid} ignored: not a tracked referral message or status.")]
    private static partial void LogIgnoredCallback(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status callback {MessageSid} for referral {ReferralId} not applied: {Reason}")]
    private static partial void LogRejectedCallback(ILogger logger, string referralId, string messageSid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound SMS {MessageSid} from a number we have not written to; answered with the general reply.")]
    private static partial void LogUnknownSender(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound SMS {MessageSid} read as {Keyword} for {ReferralCount} referral(s).")]
    private static partial void LogInbound(ILogger logger, string messageSid, InboundKeyword keyword, int referralCount);
}
