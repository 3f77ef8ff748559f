using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.LocalHost.Catalog;

/// <summary>One entry of the Worker SDK's <c>functions.metadata</c>.</summary>
public sealed record FunctionMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("scriptFile")] string ScriptFile,
    [property: JsonPropertyName("entryPoint")] string EntryPoint,
    [property: JsonPropertyName("bindings")] IReadOnlyList<BindingMetadata> Bindings)
{
    public static IReadOnlyList<FunctionMetadata> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<FunctionMetadata>>(stream)
            ?? throw new InvalidOperationException($"{path} holds no function list.");
    }
}

/// <summary>One binding of a function: the common fields, and the rest as written (route, methods, schedule...).</summary>
public sealed record BindingMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("direction")] string Direction)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extra { get; init; } = [];

    public string? GetString(string property) =>
        Extra.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string>? GetStrings(string property) =>
        Extra.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(item => item.GetString() ?? "").ToArray()
            : null;

    public bool GetBoolean(string property) =>
        Extra.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.True;
}
