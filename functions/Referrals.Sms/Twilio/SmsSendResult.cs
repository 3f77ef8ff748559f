namespace Referrals.Sms.Twilio;

/// <summary>The outcome of <see cref="TwilioMessagingClient.SendAsync"/>: accepted, failed for good, or try later.</summary>
public abstract record SmsSendResult
{
    private SmsSendResult()
    {
    }

    /// <summary>Twilio took the message; its fate arrives later by status callback.</summary>
    public sealed record Accepted(string Sid, TwilioMessageStatus Status) : SmsSendResult;

    /// <summary>Twilio refused the message for good. <paramref name="Description"/> is ours, never Twilio's text,
    /// which can quote the phone number.</summary>
    public sealed record Failed(SmsFailureKind Kind, int? ErrorCode, int HttpStatus, string Description) : SmsSendResult;

    /// <summary>Not sent yet; call again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Transient(TimeSpan RetryAfter, SmsTransientReason Reason) : SmsSendResult;
}
