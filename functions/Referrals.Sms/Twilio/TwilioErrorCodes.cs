namespace Referrals.Sms.Twilio;

/// <summary>The Twilio error codes this project acts on, with their meaning.</summary>
public static class TwilioErrorCodes
{
    public const int Authenticate = 20003;
    public const int NotFound = 20404;
    public const int TooManyRequests = 20429;
    public const int InternalServerError = 20500;
    public const int InvalidToNumber = 21211;
    public const int InvalidFromNumber = 21212;
    public const int BodyRequired = 21602;
    public const int FromRequired = 21603;
    public const int ToRequired = 21604;
    public const int InvalidStatusCallback = 21609;
    public const int OptedOut = 21610;
    public const int NotMobile = 21614;
    public const int BodyTooLong = 21617;
    public const int Unreachable = 30003;
    public const int Blocked = 30004;
    public const int UnknownDestination = 30005;
    public const int Landline = 30006;
    public const int Filtered = 30007;
    public const int UnknownDeliveryError = 30008;

    public static TwilioErrorKind Classify(int code) => code switch
    {
        InvalidToNumber => TwilioErrorKind.InvalidNumber,
        NotMobile => TwilioErrorKind.NotMobile,
        OptedOut => TwilioErrorKind.OptedOut,
        TooManyRequests => TwilioErrorKind.TooManyRequests,
        Unreachable => TwilioErrorKind.Unreachable,
        Blocked => TwilioErrorKind.Blocked,
        UnknownDestination => TwilioErrorKind.UnknownNumber,
        Landline => TwilioErrorKind.Landline,
        Filtered => TwilioErrorKind.Filtered,
        UnknownDeliveryError => TwilioErrorKind.UnknownDeliveryError,
        _ => TwilioErrorKind.Other,
    };

    /// <summary>A short description that never contains the recipient's number (Twilio's own messages may).</summary>
    public static string Describe(int code) => code switch
    {
        Authenticate => "Twilio rejected the account credentials.",
        NotFound => "The Twilio resource was not found.",
        TooManyRequests => "Too many requests to Twilio.",
        InternalServerError => "Twilio reported an internal error.",
        InvalidToNumber => "The 'To' number is not a valid phone number.",
        InvalidFromNumber => "The 'From' number is not valid for this account.",
        BodyRequired => "A message body is required.",
        FromRequired => "A 'From' number or a messaging service is required.",
        ToRequired => "A 'To' number is required.",
        InvalidStatusCallback => "The status callback URL is not valid.",
        OptedOut => "The recipient has opted out (replied STOP).",
        NotMobile => "The 'To' number is not a mobile number.",
        BodyTooLong => "The message body exceeds 1600 characters.",
        Unreachable => "The handset is unreachable (switched off or out of coverage).",
        Blocked => "The message was blocked.",
        UnknownDestination => "The destination number is unknown or no longer in service.",
        Landline => "The number is a landline or its carrier does not take SMS.",
        Filtered => "The carrier filtered the message.",
        UnknownDeliveryError => "The carrier reported an unknown delivery error.",
        _ => $"Twilio error {code}.",
    };
}
