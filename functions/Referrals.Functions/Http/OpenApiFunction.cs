using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Referrals.App.Security;

namespace Referrals.Functions.Http;

/// <summary>
/// <c>GET /openapi/v1.json</c>: the checked-in document (the minimal-API generator cannot see functions; see
/// docs/openapi.md). OpenApiDocumentTests keep it in step with the functions. The Development-only paths are left
/// out where the app does not serve them.
/// </summary>
public sealed class OpenApiFunction(IHostEnvironment environment, IOptions<AuthOptions> auth)
{
    public const string ResourceName = "Referrals.Functions.openapi.v1.json";

    private static readonly Lazy<string> s_full = new(() => Read(withDevelopmentPaths: true));
    private static readonly Lazy<string> s_public = new(() => Read(withDevelopmentPaths: false));

    [Function("OpenApi")]
    public IResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request) =>
        TypedResults.Text(
            auth.Value.UsesDevIssuer(environment.IsDevelopment()) ? s_full.Value : s_public.Value,
            "application/json; charset=utf-8");

    /// <summary>The document as served; the Development-only paths (/dev/*) only when asked for.</summary>
    public static string Read(bool withDevelopmentPaths)
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var document = JsonNode.Parse(stream)!.AsObject();
        if (!withDevelopmentPaths && document["paths"] is JsonObject paths)
        {
            foreach (var path in paths.Select(p => p.Key).Where(p => p.StartsWith("/dev/", StringComparison.Ordinal)).ToList())
            {
                paths.Remove(path);
            }
        }

        return document.ToJsonString();
    }
}
