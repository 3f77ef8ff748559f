namespace Referrals.Sms.Text;

/// <summary>Section "Sms": per-language choices about how message text is sent.</summary>
public sealed class SmsTextOptions
{
    public const string SectionName = "Sms";

    /// <summary>Languages (BCP 47 tag, e.g. <c>Sms:Transliterate:sr-Latn=true</c>) whose messages are written
    /// without Serbian diacritics when that keeps them in GSM-7. Off for every language unless configured.</summary>
    public Dictionary<string, bool> Transliterate { get; } = new(StringComparer.OrdinalIgnoreCase);
}
