using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.LocalHost.Tests;

/// <summary>functions.metadata files for tests, written as the Worker SDK writes them.</summary>
internal static class TestMetadata
{
    public const string TestAssembly = "Referrals.LocalHost.Tests.dll";

    /// <summary>The Functions app's real metadata, as the build wrote it beside the local host.</summary>
    public static string RealPath => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    /// <summary>The Functions app's own build output (same configuration and framework as this test run).</summary>
    public static string FunctionsBuildOutput
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions", "bin", framework.Parent!.Name, framework.Name);
        }
    }

    public static JsonObject Function(string name, string entryPoint, params JsonObject[] bindings) => new()
    {
        ["name"] = name,
        ["scriptFile"] = TestAssembly,
        ["entryPoint"] = entryPoint,
        ["language"] = "dotnet-isolated",
        ["properties"] = new JsonObject { ["IsCodeless"] = false },
        ["bindings"] = new JsonArray(bindings),
    };

    public static JsonObject Binding(string name, string type, string direction = "In", params (string Key, JsonNode? Value)[] extra)
    {
        var binding = new JsonObject { ["name"] = name, ["direction"] = direction, ["type"] = type };
        foreach (var (key, value) in extra)
        {
            binding[key] = value;
        }

        return binding;
    }

    public static JsonObject HttpTrigger(string route, params string[] methods) =>
        Binding("request", "httpTrigger", "In", ("authLevel", "Anonymous"), ("methods", new JsonArray([.. methods.Select(m => (JsonNode?)m)])), ("route", route));

    public static JsonObject HttpReturn() => Binding("$return", "http", "Out");

    /// <summary>Writes the functions to a new file, after the real ones when <paramref name="withReal"/>.</summary>
    public static string Write(bool withReal, params JsonObject[] functions)
    {
        var all = withReal ? JsonNode.Parse(File.ReadAllText(RealPath))!.AsArray() : [];
        foreach (var function in functions)
        {
            all.Add(function);
        }

        var path = Path.Combine(Path.GetTempPath(), $"localhost-tests-{Guid.NewGuid():N}.metadata");
        File.WriteAllText(path, all.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
