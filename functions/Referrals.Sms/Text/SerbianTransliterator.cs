using System.Text;

namespace Referrals.Sms.Text;

/// <summary>
/// Writes Serbian text with plain Latin letters only (č→c, ć→c, š→s, ž→z, đ→dj; Cyrillic through Gaj's Latin to
/// the same), so a message that would otherwise need UCS-2 fits the GSM-7 alphabet.
/// </summary>
public static class SerbianTransliterator
{
    private static readonly Dictionary<char, string> s_map = new()
    {
        // Serbian Latin letters outside GSM-7.
        ['č'] = "c", ['ć'] = "c", ['š'] = "s", ['ž'] = "z", ['đ'] = "dj",
        ['Č'] = "C", ['Ć'] = "C", ['Š'] = "S", ['Ž'] = "Z", ['Đ'] = "Dj",

        // Serbian Cyrillic, one letter to its Latin counterpart without diacritics.
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['ђ'] = "dj", ['е'] = "e", ['ж'] = "z",
        ['з'] = "z", ['и'] = "i", ['ј'] = "j", ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n",
        ['њ'] = "nj", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "c", ['у'] = "u",
        ['ф'] = "f", ['х'] = "h", ['ц'] = "c", ['ч'] = "c", ['џ'] = "dz", ['ш'] = "s",
        ['А'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Д'] = "D", ['Ђ'] = "Dj", ['Е'] = "E", ['Ж'] = "Z",
        ['З'] = "Z", ['И'] = "I", ['Ј'] = "J", ['К'] = "K", ['Л'] = "L", ['Љ'] = "Lj", ['М'] = "M", ['Н'] = "N",
        ['Њ'] = "Nj", ['О'] = "O", ['П'] = "P", ['Р'] = "R", ['С'] = "S", ['Т'] = "T", ['Ћ'] = "C", ['У'] = "U",
        ['Ф'] = "F", ['Х'] = "H", ['Ц'] = "C", ['Ч'] = "C", ['Џ'] = "Dz", ['Ш'] = "S",
    };

    public static string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (s_map.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
