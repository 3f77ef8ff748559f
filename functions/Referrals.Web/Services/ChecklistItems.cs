using System.Text.Json;

namespace Referrals.Web.Services;

/// <summary>Reads a checklist item as the API sends it: a string, or an object with <c>short</c> and <c>detail</c>.</summary>
public static class ChecklistItems
{
    public static (string? Short, string? Detail) Read(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => (null, item.GetString()),
        JsonValueKind.Object => (Text(item, "short") ?? Text(item, "title"), Text(item, "detail") ?? Text(item, "text")),
        _ => (null, null),
    };

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
