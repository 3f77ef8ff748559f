using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Contracts;

/// <summary>The referral model's JSON conventions: BCP 47 language tags and strict camelCase enums.</summary>
public static class ReferralJson
{
    /// <summary>
    /// Puts <see cref="LanguageJsonConverter"/> and <see cref="StrictEnumJsonConverterFactory"/> first in
    /// <paramref name="converters"/>, ahead of any general enum converter already there (the first converter that can
    /// handle a type wins).
    /// </summary>
    public static void AddConverters(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Insert(0, new LanguageJsonConverter());
        converters.Insert(1, new StrictEnumJsonConverterFactory());
    }

    /// <summary>Web defaults (camelCase) plus <see cref="AddConverters"/>; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AddConverters(options.Converters);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
