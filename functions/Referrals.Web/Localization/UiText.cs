using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Referrals.Web.Localization;

/// <summary>
/// The interface texts in sr-Latn, en and de, chosen by the current UI culture. English is the reference: every
/// key exists in each language (a test holds the three catalogues to that). Enum values are looked up as
/// "{EnumType}.{camelCaseValue}".
/// </summary>
public sealed partial class UiText
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Catalogues;

    // In a static constructor: it runs after the field initializers of every part, so the catalogues exist.
    static UiText()
    {
        Catalogues = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal)
        {
            [UiCultures.English] = English.ToFrozenDictionary(StringComparer.Ordinal),
            [UiCultures.SerbianLatin] = SerbianLatin.ToFrozenDictionary(StringComparer.Ordinal),
            [UiCultures.German] = German.ToFrozenDictionary(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Keys = Catalogues.ToDictionary(c => c.Key, c => (IReadOnlyCollection<string>)c.Value.Keys, StringComparer.Ordinal);
    }

    /// <summary>The keys of each catalogue (for the completeness test).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Keys { get; }

    public string this[string key] => Lookup(CurrentLanguage, key);

    /// <summary>The BCP 47 tag of the current interface language.</summary>
    public static string CurrentLanguage => UiCultures.ForTag(CultureInfo.CurrentUICulture.Name) ?? UiCultures.English;

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>An enum value's text, under "{EnumType}.{camelCaseValue}" (the API's spelling).</summary>
    public string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => this[$"{typeof(TEnum).Name}.{JsonNamingPolicy.CamelCase.ConvertName(value.ToString())}"];

    /// <summary>A text by a camelCase code (deadline kinds, timeline types, message kinds); the code itself when
    /// the catalogue has no text for it.</summary>
    public string Code(string prefix, string code)
    {
        var key = $"{prefix}.{code}";
        return Catalogues[CurrentLanguage].TryGetValue(key, out var value) || Catalogues[UiCultures.English].TryGetValue(key, out value)
            ? value
            : code;
    }

    private static string Lookup(string language, string key) =>
        Catalogues[language].TryGetValue(key, out var value) ? value
        : Catalogues[UiCultures.English].TryGetValue(key, out value) ? value
        : key;
}
