using System.Globalization;
using System.Text;
using System.Text.Json;

using Referrals.Contracts;

namespace Referrals.App.Api;

/// <summary>
/// Turns a System.Text.Json path (<c>$.returnee.phone</c>, <c>$.needs[2]</c>, <c>$['odd name']</c>) into the key
/// the API uses in <c>errors</c> (<c>returnee.phone</c>, <c>needs[2]</c>), and finds what the body holds there.
/// </summary>
public static class JsonErrorPath
{
    /// <summary>The key for the body as a whole.</summary>
    public const string Root = "$";

    public static IReadOnlyList<object> Parse(string? path)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var index) ? index : path[(i + 1)..end]);
                i = Math.Min(end + 1, path.Length);
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    public static string ToKey(IReadOnlyList<object> segments)
    {
        if (segments.Count == 0)
        {
            return Root;
        }

        var key = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                key.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else
            {
                key.Append(key.Length == 0 ? string.Empty : ".").Append(segment);
            }
        }

        return key.ToString();
    }

    public static string ToKey(string? path) => ToKey(Parse(path));

    /// <summary>The JSON value at <paramref name="segments"/>, or null when the body has nothing there.</summary>
    public static JsonElement? Find(JsonElement root, IReadOnlyList<object> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case int index when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength():
                    current = current[index];
                    break;
                case string name when current.ValueKind == JsonValueKind.Object && TryGetProperty(current, name, out var next):
                    current = next;
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
