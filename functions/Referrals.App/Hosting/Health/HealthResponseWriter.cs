using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.App.Hosting.Health;

/// <summary>Writes <c>/healthz</c> as JSON: the overall status and each check's status and reason.</summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new HealthCheckResponse(
                    entry.Value.Status.ToString(), entry.Value.Description, Math.Round(entry.Value.Duration.TotalMilliseconds))));
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, s_options, context.RequestAborted);
    }

    private sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

    private sealed record HealthCheckResponse(string Status, string? Description, double DurationMs);
}
