using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Contracts;

/// <summary>
/// Enums as camelCase strings, strictly: only the exact camelCase name is read ("male", not "Male", "1" or 1), and
/// an unknown value fails with a message listing the allowed ones. <see cref="Language"/> is left to
/// <see cref="LanguageJsonConverter"/>.
/// </summary>
public sealed class StrictEnumJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum && typeToConvert != typeof(Language);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumJsonConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumJsonConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), StringComparer.Ordinal);

        private static readonly FrozenDictionary<TEnum, string> ByValue =
            ByName.ToFrozenDictionary(entry => entry.Value, entry => entry.Key);

        private static readonly string Expected = string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            // The value itself is not echoed: whatever a client sent may be personal data.
            throw new JsonException($"Not a valid {JsonNamingPolicy.CamelCase.ConvertName(typeof(TEnum).Name)}. Expected one of: {Expected}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(Name(value));
        }

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WritePropertyName(Name(value));
        }

        private static string Name(TEnum value) =>
            ByValue.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{typeof(TEnum).Name} has no member with the value {value:D}.");
    }
}
