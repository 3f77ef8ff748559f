namespace Referrals.Sms.Twilio;

/// <summary>Why Twilio refused a message for good; retrying the same request cannot help.</summary>
public enum SmsFailureKind
{
    /// <summary>21211.</summary>
    InvalidNumber,

    /// <summary>21614.</summary>
    NotMobile,

    /// <summary>21610: mark the returnee opted out.</summary>
    OptedOut,

    /// <summary>Any other 4xx (bad credentials, malformed request): needs an operator.</summary>
    Rejected,
}
