namespace Referrals.Sms.Twilio;

/// <summary>Section "Twilio": the account, the sender and how sending behaves.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary>The status callback path the App serves; the client points Twilio at
    /// <c>{PublicBaseUrl}/api/twilio/status</c>.</summary>
    public const string StatusCallbackPath = "/api/twilio/status";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The sending number (E.164) or alphanumeric sender ID. Exactly one of this and
    /// <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Twilio's REST API, or the SMS sandbox locally.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>The App's public address as Twilio calls it (through any reverse proxy); used for status callback
    /// URLs and to rebuild the URL a webhook signature covers.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>In-call retries after a 429 or 5xx, before the caller gets <see cref="SmsSendResult.Transient"/>.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The most time one send may spend waiting between attempts; a longer wait goes back to the caller,
    /// so an outbox is never held up.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The first backoff when Twilio gives no Retry-After; doubled for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages a sender may start per second (a long code sends about one segment a second).</summary>
    public double MessagesPerSecond { get; set; } = 1;

    /// <summary>Messages a sender may start at once after a quiet spell.</summary>
    public int Burst { get; set; } = 1;

    /// <summary>The sender the rate limit applies to.</summary>
    internal string SenderKey => From ?? MessagingServiceSid ?? "";
}
