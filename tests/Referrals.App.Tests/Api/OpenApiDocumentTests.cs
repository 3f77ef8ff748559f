extern alias functions;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Referrals.App.Tests.Hosting;
using Referrals.Testing;
using OpenApiFunction = functions::Referrals.Functions.Http.OpenApiFunction;

namespace Referrals.App.Tests.Api;

/// <summary>
/// The OpenAPI document is checked in (the generator cannot see functions; docs/openapi.md), so these keep it in
/// step with the HTTP functions in the build's real functions.metadata, in both directions.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    // Functions the document leaves out on purpose: platform and tooling routes, the catch-all 404, and the
    // Development clock.
    private static readonly HashSet<string> s_undocumented = new(StringComparer.Ordinal)
    {
        "Health", "OpenApi", "ApiNotFound", "ReadDevClock", "AdvanceDevClock",
    };

    [Fact]
    public void Every_operation_in_the_document_is_served_by_an_http_function_with_that_route_and_method()
    {
        var functions = HttpFunctions();

        var missing = Operations().Where(operation => !functions.Any(f => f.Operations.Contains(operation))).ToList();

        Assert.NotEmpty(Operations());
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_api_function_is_in_the_document()
    {
        var operations = Operations();

        var undocumented = HttpFunctions()
            .Where(function => !s_undocumented.Contains(function.Name))
            .SelectMany(function => function.Operations.Select(operation => $"{function.Name}: {operation}"))
            .Where(entry => !operations.Contains(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Outside_Development_the_document_leaves_out_the_dev_routes()
    {
        using var full = JsonDocument.Parse(OpenApiFunction.Read(withDevelopmentPaths: true));
        using var served = JsonDocument.Parse(OpenApiFunction.Read(withDevelopmentPaths: false));

        Assert.Contains(full.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name == "/dev/token");
        Assert.DoesNotContain(served.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/dev/", StringComparison.Ordinal));
        Assert.Contains(served.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name == "/api/referrals");
    }

    /// <summary>"post /api/referrals/{id}/follow-ups/{n}" for each operation of the document.</summary>
    private static HashSet<string> Operations()
    {
        using var document = JsonDocument.Parse(OpenApiFunction.Read(withDevelopmentPaths: true));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static List<(string Name, HashSet<string> Operations)> HttpFunctions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var functions = new List<(string, HashSet<string>)>();
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger"))
            {
                // The route prefix is "" (host.json); constraints such as {n:int} are not part of the path.
                var path = "/" + RouteConstraint().Replace(binding.GetProperty("route").GetString()!, "{$1}");
                var methods = binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant());
                functions.Add((function.GetProperty("name").GetString()!, methods.Select(m => $"{m} {path}").ToHashSet(StringComparer.Ordinal)));
            }
        }

        return functions;
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
