using System.Text.Json;
using System.Text.Json.Serialization;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Api;

/// <summary>
/// JSON for the public API. Input is strict so that a mistake is reported, never silently dropped: unknown fields,
/// duplicate fields, numbers in strings, integer enum values, nulls for non-nullable members, comments and trailing
/// commas are all 400s naming the path. Output: camelCase, enums as camelCase strings.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Input { get; } = CreateInput();

    public static void ConfigureOutput(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        ReferralJson.AddConverters(options.Converters);
    }

    private static JsonSerializerOptions CreateInput()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = 16,
        };
        // Strict camelCase enums (no integers, no other casing) and BCP 47 tags for languages.
        ReferralJson.AddConverters(options.Converters);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
