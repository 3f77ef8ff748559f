using System.Globalization;
using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>
/// Stores a long string over several string properties ("Data", "Data1", ...), because one property holds at most
/// 64 KiB (32 Ki UTF-16 characters) while an entity may hold 1 MiB.
/// </summary>
internal static class PayloadColumns
{
    public const string Name = "Data";
    private const int MaxCharsPerProperty = 32 * 1024;

    public static void Write(TableEntity entity, string value)
    {
        var part = 0;
        for (var start = 0; start < value.Length || part == 0; start += MaxCharsPerProperty, part++)
        {
            var length = Math.Min(MaxCharsPerProperty, value.Length - start);
            entity[PropertyName(part)] = value.Substring(start, length);
        }
    }

    public static string? Read(TableEntity entity)
    {
        if (entity.GetString(Name) is not { } first)
        {
            return null;
        }

        if (!entity.ContainsKey(PropertyName(1)))
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(PropertyName(part)) is { } next; part++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    private static string PropertyName(int part) =>
        part == 0 ? Name : Name + part.ToString(CultureInfo.InvariantCulture);
}
