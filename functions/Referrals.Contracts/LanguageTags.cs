namespace Referrals.Contracts;

/// <summary>Maps <see cref="Language"/> to and from its BCP 47 tag.</summary>
public static class LanguageTags
{
    public static string ToTag(this Language language) => language switch
    {
        Language.SrLatn => "sr-Latn",
        Language.SrCyrl => "sr-Cyrl",
        Language.De => "de",
        Language.En => "en",
        Language.Rom => "rom",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    public static bool TryParse(string? tag, out Language language)
    {
        foreach (var candidate in Enum.GetValues<Language>())
        {
            if (string.Equals(candidate.ToTag(), tag, StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }

        language = default;
        return false;
    }
}
