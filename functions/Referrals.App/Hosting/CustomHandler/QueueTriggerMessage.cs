using System.Text.Json;

namespace Referrals.App.Hosting.CustomHandler;

/// <summary>Reads the queue message text out of a custom-handler invocation.</summary>
public static class QueueTriggerMessage
{
    /// <summary>
    /// The message text under <c>Data.{binding}</c>. The host sends a string trigger value JSON-serialized, so the
    /// text may arrive wrapped once more in quotes (<c>"\"{…}\""</c>); that extra layer is removed. A JSON object or
    /// array value is taken as its raw text.
    /// </summary>
    public static bool TryRead(FunctionInvocation invocation, string binding, out string text)
    {
        text = string.Empty;
        if (invocation.Data is null || !invocation.Data.TryGetValue(binding, out var value))
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = Unwrap(value.GetString()!);
                return text.Length > 0;
            case JsonValueKind.Object or JsonValueKind.Array:
                text = value.GetRawText();
                return true;
            default:
                return false;
        }
    }

    private static string Unwrap(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(text) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
