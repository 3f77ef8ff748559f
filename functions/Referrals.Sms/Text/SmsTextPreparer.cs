using Microsoft.Extensions.Options;

namespace Referrals.Sms.Text;

/// <summary>Applies the configured per-language transliteration and measures the result.</summary>
public sealed class SmsTextPreparer(IOptions<SmsTextOptions> options)
{
    public PreparedSmsText Prepare(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var analysis = SmsEncodingAnalyzer.Analyze(text);
        if (analysis.Encoding == SmsEncoding.Gsm7
            || !options.Value.Transliterate.TryGetValue(language, out var enabled) || !enabled)
        {
            return new PreparedSmsText(text, analysis, Transliterated: false);
        }

        // Dropping diacritics is only worth it when it buys GSM-7; otherwise the correct spelling costs no more.
        var plain = SerbianTransliterator.Transliterate(text);
        var plainAnalysis = SmsEncodingAnalyzer.Analyze(plain);
        return plainAnalysis.Encoding == SmsEncoding.Gsm7
            ? new PreparedSmsText(plain, plainAnalysis, Transliterated: true)
            : new PreparedSmsText(text, analysis, Transliterated: false);
    }
}
