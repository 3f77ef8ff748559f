namespace Referrals.Sms.Text;

/// <summary>Counts encoding, length and segments the way the SMS network does before a message is sent.</summary>
public static class SmsEncodingAnalyzer
{
    public const int Gsm7SingleSegmentLength = 160;
    public const int Gsm7MultipartSegmentLength = 153;
    public const int Ucs2SingleSegmentLength = 70;
    public const int Ucs2MultipartSegmentLength = 67;

    public static SmsEncodingAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoding = Gsm7Alphabet.CanEncode(text) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var length = 0;
        foreach (var width in UnitWidths(text, encoding))
        {
            length += width;
        }

        return new SmsEncodingAnalysis(encoding, CountSegments(text, encoding, length), length);
    }

    private static int CountSegments(string text, SmsEncoding encoding, int length)
    {
        var (single, multipart) = encoding == SmsEncoding.Gsm7
            ? (Gsm7SingleSegmentLength, Gsm7MultipartSegmentLength)
            : (Ucs2SingleSegmentLength, Ucs2MultipartSegmentLength);
        if (length == 0)
        {
            return 0;
        }

        if (length <= single)
        {
            return 1;
        }

        // Phones never split an ESC pair or a surrogate pair across parts, so a part may end one unit short.
        var segments = 1;
        var used = 0;
        foreach (var width in UnitWidths(text, encoding))
        {
            if (used + width > multipart)
            {
                segments++;
                used = 0;
            }

            used += width;
        }

        return segments;
    }

    /// <summary>The width of each indivisible unit: a GSM character (1 or 2 septets), or a UTF-16 code unit
    /// (a surrogate pair is one unit of width 2).</summary>
    private static IEnumerable<int> UnitWidths(string text, SmsEncoding encoding)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (encoding == SmsEncoding.Gsm7)
            {
                yield return Gsm7Alphabet.SeptetsOf(text[i]);
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                yield return 2;
            }
            else
            {
                yield return 1;
            }
        }
    }
}
