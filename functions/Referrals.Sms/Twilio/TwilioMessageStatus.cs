namespace Referrals.Sms.Twilio;

/// <summary>The statuses of Twilio's Message resource (sent as snake_case strings, e.g. "partially_delivered").</summary>
public enum TwilioMessageStatus
{
    Accepted,
    Scheduled,
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Receiving,
    Received,
    Read,
    Canceled,
    PartiallyDelivered,
}
