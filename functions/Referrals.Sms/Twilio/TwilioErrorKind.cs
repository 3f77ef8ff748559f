namespace Referrals.Sms.Twilio;

/// <summary>What a Twilio error code means for the sender.</summary>
public enum TwilioErrorKind
{
    /// <summary>A code this project does not single out.</summary>
    Other,

    /// <summary>21211: the 'To' number is not a valid phone number. Do not retry.</summary>
    InvalidNumber,

    /// <summary>21614: the 'To' number is not a mobile number. Do not retry.</summary>
    NotMobile,

    /// <summary>21610: the recipient replied STOP. Stop sending until they opt back in.</summary>
    OptedOut,

    /// <summary>20429: too many requests. Back off and retry.</summary>
    TooManyRequests,

    /// <summary>30003: the handset is off or out of coverage. A later attempt may reach it.</summary>
    Unreachable,

    /// <summary>30004: the message was blocked (by the recipient, carrier or a block list).</summary>
    Blocked,

    /// <summary>30005: the destination number is unknown or no longer exists.</summary>
    UnknownNumber,

    /// <summary>30006: a landline, or a carrier that does not take SMS.</summary>
    Landline,

    /// <summary>30007: the carrier filtered the message (content or sender).</summary>
    Filtered,

    /// <summary>30008: the carrier reported an unknown delivery error.</summary>
    UnknownDeliveryError,
}
