using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.App.Hosting.CustomHandler;

/// <summary>What the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger: the trigger and input
/// values under their binding names, and the trigger metadata (for a queue: DequeueCount, Id, InsertionTime, …).</summary>
public sealed record FunctionInvocation(
    [property: JsonPropertyName("Data")] IReadOnlyDictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, JsonElement>? Metadata);

/// <summary>What the Functions host expects back on success: output binding values, invocation log lines and the
/// <c>$return</c> value. The triggers here have no outputs.</summary>
public sealed record FunctionInvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    /// <summary>The exact wire names, whatever JSON policy the rest of the API uses.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.General);

    public static FunctionInvocationResult Completed(params string[] logs) =>
        new(new Dictionary<string, object?>(), logs, null);
}
