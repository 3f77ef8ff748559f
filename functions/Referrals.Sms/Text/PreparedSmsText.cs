namespace Referrals.Sms.Text;

/// <summary>The body to send and what it costs.</summary>
/// <param name="Transliterated">Whether diacritics were replaced to stay in GSM-7.</param>
public sealed record PreparedSmsText(string Text, SmsEncodingAnalysis Analysis, bool Transliterated);
