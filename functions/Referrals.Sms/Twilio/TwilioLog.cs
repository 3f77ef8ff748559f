using Microsoft.Extensions.Logging;

namespace Referrals.Sms.Twilio;

// Never a phone number or a message body here: only SIDs, codes and counts.
internal static partial class TwilioLog
{
    [LoggerMessage(1, LogLevel.Information, "Twilio accepted message {MessageSid} with status {Status}")]
    public static partial void Accepted(ILogger logger, string messageSid, TwilioMessageStatus status);

    [LoggerMessage(2, LogLevel.Warning, "Twilio refused the message: HTTP {HttpStatus}, error {ErrorCode} ({Kind})")]
    public static partial void Refused(ILogger logger, int httpStatus, int? errorCode, SmsFailureKind kind);

    [LoggerMessage(3, LogLevel.Information, "Twilio send attempt {Attempt} was not taken ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, SmsTransientReason reason, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Warning, "Twilio send deferred ({Reason}); the caller should retry after {RetryAfter}")]
    public static partial void Deferred(ILogger logger, SmsTransientReason reason, TimeSpan retryAfter);

    [LoggerMessage(5, LogLevel.Warning, "Twilio request failed before an answer ({Reason})")]
    public static partial void NoAnswer(ILogger logger, SmsTransientReason reason, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Rejected a Twilio webhook to {Path}: {Problem}")]
    public static partial void WebhookRejected(ILogger logger, string path, string problem);
}
