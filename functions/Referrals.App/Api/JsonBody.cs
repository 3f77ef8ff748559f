using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

using Referrals.Contracts;

namespace Referrals.App.Api;

/// <summary>
/// Reads a request body as JSON with precise errors: 415 for a content type other than JSON, 413 over
/// <see cref="MaxBytes"/>, 400 with <c>errors</c> keyed by the JSON path for malformed JSON, a wrong type, an unknown
/// enum value or field. Reading the body here (not through minimal-API binding) keeps every failure a 4xx problem.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return ApiProblems.UnsupportedMediaType();
        }

        if (request.ContentLength > MaxBytes)
        {
            return ApiProblems.PayloadTooLarge(MaxBytes);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            int length;
            try
            {
                length = await ReadUpToAsync(request.Body, buffer.AsMemory(0, MaxBytes + 1), cancellationToken);
            }
            catch (BadHttpRequestException exception)
            {
                return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? ApiProblems.PayloadTooLarge(MaxBytes)
                    : ApiProblems.BadRequest("The request body could not be read.");
            }

            if (length > MaxBytes)
            {
                return ApiProblems.PayloadTooLarge(MaxBytes);
            }

            if (length == 0)
            {
                return ApiProblems.Validation(JsonErrorPath.Root, "A JSON body is required.");
            }

            return Deserialize<T>(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deserializes <paramref name="utf8"/> with <see cref="ApiJson.Input"/>; errors name the path.</summary>
    public static JsonBodyResult<T> Deserialize<T>(ReadOnlySpan<byte> utf8)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, ApiJson.Input) is { } value
                ? value
                : ApiProblems.Validation(JsonErrorPath.Root, "The body must be a JSON object, not null.");
        }
        catch (JsonException exception)
        {
            var segments = JsonErrorPath.Parse(exception.Path);
            return ApiProblems.Validation(JsonErrorPath.ToKey(segments), Explain<T>(utf8, segments, exception));
        }
    }

    private static string Explain<T>(ReadOnlySpan<byte> utf8, IReadOnlyList<object> segments, JsonException exception)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = ApiJson.Input.MaxDepth });
        }
        catch (JsonException syntax)
        {
            return $"The body is not well-formed JSON (line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1}).";
        }

        using (document)
        {
            if (exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
            {
                return "This field appears more than once.";
            }

            var target = JsonTargetDescription.Resolve(typeof(T), segments, ApiJson.Input);
            if (target is null)
            {
                return "This is not a known field.";
            }

            var expected = JsonTargetDescription.Describe(target, ApiJson.Input);
            return JsonErrorPath.Find(document.RootElement, segments)?.ValueKind == JsonValueKind.Null
                ? $"This field must not be null; expected {expected}."
                : $"Expected {expected}.";
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<int> ReadUpToAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer[total..], cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}

/// <summary>Either the body or the problem to answer with.</summary>
public readonly struct JsonBodyResult<T>
    where T : class
{
    private JsonBodyResult(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }

    public static implicit operator JsonBodyResult<T>(T value) => new(value, null);

    public static implicit operator JsonBodyResult<T>(ProblemHttpResult problem) => new(null, problem);
}
