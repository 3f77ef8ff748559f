namespace Referrals.SmsSandbox;

// SIDs and statuses only, even though the sandbox holds fictional numbers: the habit is the point.
internal static partial class SandboxLog
{
    [LoggerMessage(1, LogLevel.Warning, "Status callback {Status} for {MessageSid} could not be delivered")]
    public static partial void CallbackFailed(ILogger logger, string messageSid, string status, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Status callback {Status} for {MessageSid} answered {HttpStatus}")]
    public static partial void CallbackPosted(ILogger logger, string messageSid, string status, int httpStatus);

    [LoggerMessage(3, LogLevel.Information, "Inbound message {MessageSid} answered {HttpStatus} by the app")]
    public static partial void InboundPosted(ILogger logger, string messageSid, int httpStatus);
}
