using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Referrals.Sms.Keywords;

/// <summary>
/// Recognises opt-out, opt-in and help keywords in an inbound SMS. Like Twilio, only a message that is the keyword
/// and nothing else counts ("STOP", not "please stop"); unlike Twilio, it also knows the words of the languages we
/// send in, and ignores case, surrounding whitespace and punctuation, and diacritics ("pomoć" = "POMOC").
/// </summary>
public static class InboundKeywordClassifier
{
    // Twilio's defaults for long codes; Twilio itself blocks or unblocks the number on these.
    private static readonly FrozenDictionary<string, InboundKeyword> s_twilio = new Dictionary<string, InboundKeyword>
    {
        ["STOP"] = InboundKeyword.Stop,
        ["STOPALL"] = InboundKeyword.Stop,
        ["UNSUBSCRIBE"] = InboundKeyword.Stop,
        ["END"] = InboundKeyword.Stop,
        ["QUIT"] = InboundKeyword.Stop,
        ["REVOKE"] = InboundKeyword.Stop,
        ["OPTOUT"] = InboundKeyword.Stop,
        ["CANCEL"] = InboundKeyword.Stop,
        ["START"] = InboundKeyword.Start,
        ["UNSTOP"] = InboundKeyword.Start,
        ["YES"] = InboundKeyword.Start,
        ["HELP"] = InboundKeyword.Help,
        ["INFO"] = InboundKeyword.Help,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Local words (stored as normalised: upper case, no diacritics). Twilio does not act on these, we do.
    private static readonly FrozenDictionary<string, InboundKeyword> s_all = s_twilio
        .Concat(new Dictionary<string, InboundKeyword>
        {
            // Serbian Latin
            ["ODJAVA"] = InboundKeyword.Stop,
            ["PREKINI"] = InboundKeyword.Stop,
            ["KRAJ"] = InboundKeyword.Stop,
            ["POCNI"] = InboundKeyword.Start,
            ["POMOC"] = InboundKeyword.Help,

            // Serbian Cyrillic
            ["СТОП"] = InboundKeyword.Stop,
            ["ОДЈАВА"] = InboundKeyword.Stop,
            ["ПРЕКИНИ"] = InboundKeyword.Stop,
            ["КРАЈ"] = InboundKeyword.Stop,
            ["ПОЧНИ"] = InboundKeyword.Start,
            ["СТАРТ"] = InboundKeyword.Start,
            ["ПОМОЋ"] = InboundKeyword.Help,

            // German
            ["STOPP"] = InboundKeyword.Stop,
            ["ABMELDEN"] = InboundKeyword.Stop,
            ["BEENDEN"] = InboundKeyword.Stop,
            ["HILFE"] = InboundKeyword.Help,
        })
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every keyword we honour: Twilio's defaults plus the Serbian and German words.</summary>
    public static InboundKeyword Classify(string? body) => Lookup(s_all, body);

    /// <summary>Only Twilio's default keywords: tells whether Twilio itself has blocked (STOP) or unblocked (START)
    /// the number, e.g. to tell someone who wrote "POČNI" after "STOP" that Twilio still needs "START".</summary>
    public static InboundKeyword ClassifyAsTwilio(string? body) => Lookup(s_twilio, body);

    private static InboundKeyword Lookup(FrozenDictionary<string, InboundKeyword> keywords, string? body) =>
        body is not null && keywords.TryGetValue(Normalize(body), out var keyword) ? keyword : InboundKeyword.Other;

    private static string Normalize(string body)
    {
        var trimmed = body.AsSpan().Trim();
        var start = 0;
        var end = trimmed.Length;
        while (start < end && IsIgnorable(trimmed[start]))
        {
            start++;
        }

        while (end > start && IsIgnorable(trimmed[end - 1]))
        {
            end--;
        }

        var decomposed = trimmed[start..end].ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Đ has no decomposition; "Đ" stands for "D" the way "Č" stands for "C".
            builder.Append(c is 'đ' or 'Đ' ? 'D' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private static bool IsIgnorable(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);
}
