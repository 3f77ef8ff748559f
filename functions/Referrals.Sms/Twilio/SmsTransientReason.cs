namespace Referrals.Sms.Twilio;

/// <summary>Why a send did not happen yet; the same request may succeed later.</summary>
public enum SmsTransientReason
{
    /// <summary>Twilio answered 429 / 20429.</summary>
    TooManyRequests,

    /// <summary>Twilio answered 5xx.</summary>
    ServerError,

    /// <summary>No answer within <see cref="TwilioOptions.RequestTimeout"/>; Twilio may still have taken the message.</summary>
    Timeout,

    /// <summary>The connection failed.</summary>
    NetworkError,

    /// <summary>The local per-sender rate limit had no permit; nothing was sent.</summary>
    RateLimited,
}
