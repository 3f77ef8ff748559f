using System.Text.Json;

namespace Referrals.Domain.Lifecycle;

/// <summary>The camelCase spelling enums have in JSON, for timeline details and message kinds.</summary>
internal static class Names
{
    public static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
