using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Referrals.Web.Api;

/// <summary>An RFC 9457 problem as the API sent it: <see cref="Errors"/> keyed by JSON path (<c>returnee.phone</c>).</summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Empty(int status) => new(status, null, null, new Dictionary<string, string[]>());
}

/// <summary>Tells apart what the API said (a status with a problem body) from the API not being there.</summary>
public static class ApiFailures
{
    /// <summary>The API could not be reached, timed out, is shedding load, or failed (5xx): nothing we sent was
    /// refused on its merits, so the person may send it again.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        // Refit wraps what HttpClient threw before any answer came (connection refused, timeouts, cancellation).
        ApiRequestException { InnerException: { } inner } => IsUnavailable(inner, requestAborted),
        ApiRequestException => true,
        ApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.TooManyRequests,
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => true,
        // HttpClient's own timeout surfaces as a cancellation the person did not ask for.
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The status of an answer the API gave (null for a transport failure).</summary>
    public static int? StatusOf(Exception exception) =>
        exception is ApiException api ? (int)api.StatusCode : null;

    /// <summary>Reads the problem body; a body that is not a problem yields one without detail.</summary>
    public static ApiProblem Problem(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = (int)exception.StatusCode;
        if (string.IsNullOrWhiteSpace(exception.Content))
        {
            return ApiProblem.Empty(status);
        }

        try
        {
            using var document = JsonDocument.Parse(exception.Content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiProblem.Empty(status);
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errorsElement.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind switch
                    {
                        JsonValueKind.Array => [.. field.Value.EnumerateArray().Select(Text).OfType<string>()],
                        JsonValueKind.String => [field.Value.GetString()!],
                        _ => [],
                    };
                }
            }

            return new ApiProblem(status, String(root, "title"), String(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return ApiProblem.Empty(status);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
