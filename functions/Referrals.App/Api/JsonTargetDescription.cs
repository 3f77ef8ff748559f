using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.App.Api;

/// <summary>What a request type expects at a JSON path, in words a client developer can act on.</summary>
internal static class JsonTargetDescription
{
    /// <summary>The .NET type bound at <paramref name="segments"/> within <paramref name="root"/>, or null when the
    /// path names no member (an unknown field).</summary>
    public static Type? Resolve(Type root, IReadOnlyList<object> segments, JsonSerializerOptions options)
    {
        var current = root;
        foreach (var segment in segments)
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(current) ?? current);
            Type? next = (info.Kind, segment) switch
            {
                (JsonTypeInfoKind.Enumerable, int) => info.ElementType,
                (JsonTypeInfoKind.Dictionary, string) => info.ElementType,
                (JsonTypeInfoKind.Object, string name) => info.Properties
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string Describe(Type type, JsonSerializerOptions options)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(Language))
        {
            return "one of: " + string.Join(", ", Enum.GetValues<Language>().Select(l => l.ToTag()));
        }

        if (target.IsEnum)
        {
            var names = Enum.GetNames(target).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n));
            return "one of: " + string.Join(", ", names);
        }

        if (target == typeof(string))
        {
            return "a string";
        }

        if (target == typeof(bool))
        {
            return "true or false";
        }

        if (target == typeof(int) || target == typeof(long) || target == typeof(short))
        {
            return "a whole number";
        }

        if (target == typeof(decimal) || target == typeof(double) || target == typeof(float))
        {
            return "a number";
        }

        if (target == typeof(DateOnly))
        {
            return "a date (yyyy-MM-dd)";
        }

        if (target == typeof(DateTimeOffset) || target == typeof(DateTime))
        {
            return "an instant in ISO 8601 with an offset (e.g. 2026-11-20T10:00:00Z)";
        }

        return options.GetTypeInfo(target).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => "a valid value",
        };
    }
}
