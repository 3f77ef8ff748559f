using System.Text.RegularExpressions;

namespace Referrals.Sms.Twilio;

/// <summary>Shapes of SMS addresses that Twilio accepts.</summary>
public static partial class SmsAddress
{
    /// <summary>An E.164 number: '+', a non-zero digit, at most 15 digits in all.</summary>
    public static bool IsE164(string? value) => value is not null && E164Pattern().IsMatch(value);

    /// <summary>An E.164 number or an alphanumeric sender ID (1–11 letters, digits or spaces, with a letter).</summary>
    public static bool IsValidSender(string? value) =>
        IsE164(value) || (value is not null && AlphanumericSenderPattern().IsMatch(value));

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex("^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$")]
    private static partial Regex AlphanumericSenderPattern();
}
