using System.Globalization;
using System.Text.RegularExpressions;

namespace Referrals.Messaging.Rendering;

/// <summary>BCP 47 language tags as used in template file names ("sr-Latn", "de", "rom").</summary>
public static partial class LanguageTag
{
    public const string SerbianLatin = "sr-Latn";
    public const string SerbianCyrillic = "sr-Cyrl";
    public const string German = "de";
    public const string English = "en";
    public const string Romani = "rom";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static bool IsWellFormed(string? tag) => tag is not null && Shape().IsMatch(tag);

    /// <summary>Canonical casing ("SR-latn" → "sr-Latn"), so lookups match however a tag was typed.</summary>
    public static string Normalize(string tag)
    {
        var parts = tag.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == 0 ? parts[i].ToLowerInvariant()
                : parts[i].Length == 4 ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(parts[i].ToLowerInvariant())
                : parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].ToLowerInvariant();
        }

        return string.Join('-', parts);
    }
}
