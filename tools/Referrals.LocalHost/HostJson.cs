using Microsoft.Extensions.Configuration.Memory;
using System.Globalization;
using System.Text.Json;

namespace Referrals.LocalHost;

/// <summary>
/// host.json as configuration under "AzureFunctionsJobHost", the prefix the Functions host uses, so a setting such as
/// <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides it here as it does in Azure.
/// </summary>
internal static class HostJson
{
    public const string Section = "AzureFunctionsJobHost";

    public static void AddTo(IConfigurationBuilder configuration, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found at {path}; build the Functions app first.", path);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        using (var document = JsonDocument.Parse(File.ReadAllText(path)))
        {
            Flatten(document.RootElement, Section, values);
        }

        // First source, so environment variables and the command line override host.json.
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++.ToString(CultureInfo.InvariantCulture)}", values);
                }

                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
