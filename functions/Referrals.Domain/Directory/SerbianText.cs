using System.Globalization;
using System.Text;

namespace Referrals.Domain.Directory;

/// <summary>
/// Folds Serbian names to a search key that ignores case, script, diacritics, spaces and punctuation:
/// "Niš", "NIŠ", "nis" and "Ниш" all fold to "nis"; "Savski venac" and "Савски венац" to "savskivenac".
/// </summary>
public static class SerbianText
{
    private static readonly Dictionary<char, string> CyrillicToLatin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ђ'] = "đ", ['е'] = "e", ['ж'] = "ž",
        ['з'] = "z", ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n",
        ['њ'] = "nj", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "ć", ['у'] = "u",
        ['ф'] = "f", ['х'] = "h", ['ц'] = "c", ['ч'] = "č", ['џ'] = "dž", ['ш'] = "š",
    };

    /// <summary>
    /// The search keys of <paramref name="text"/>: one key, or two when it contains đ, which people write as
    /// "dj" or as a plain "d" ("Inđija" → "indjija" and "indija").
    /// </summary>
    public static IReadOnlyList<string> Keys(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var latin = ToLatinLower(text);
        var withDj = Fold(latin.Replace("đ", "dj", StringComparison.Ordinal));
        if (!latin.Contains('đ', StringComparison.Ordinal))
        {
            return [withDj];
        }

        var withD = Fold(latin.Replace("đ", "d", StringComparison.Ordinal));
        return withDj == withD ? [withDj] : [withDj, withD];
    }

    /// <summary>The primary search key of <paramref name="text"/> (đ folded to "dj").</summary>
    public static string Key(string text) => Keys(text)[0];

    private static string ToLatinLower(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            if (CyrillicToLatin.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Drops diacritics (č→c, š→s, ž→z, ć→c) and everything that is not a letter or digit.
    private static string Fold(string latinLower)
    {
        var builder = new StringBuilder(latinLower.Length);
        foreach (var c in latinLower.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
