using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Contracts;

/// <summary>Reads and writes <see cref="Language"/> as its BCP 47 tag ("sr-Latn", "sr-Cyrl", "de", "en", "rom").</summary>
public sealed class LanguageJsonConverter : JsonConverter<Language>
{
    private static readonly string Expected =
        string.Join(", ", Enum.GetValues<Language>().Select(language => language.ToTag()));

    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && LanguageTags.TryParse(reader.GetString(), out var language))
        {
            return language;
        }

        // The value itself is not echoed: whatever a client sent may be personal data.
        throw new JsonException($"Not a supported language. Expected one of: {Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToTag());
    }

    public override Language ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Language value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToTag());
    }
}
