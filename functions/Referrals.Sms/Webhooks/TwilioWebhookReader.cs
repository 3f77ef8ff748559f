using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Referrals.Sms.Twilio;

namespace Referrals.Sms.Webhooks;

/// <summary>
/// Reads a Twilio webhook from an <see cref="HttpRequest"/> so that no request can make it fail with a 5xx: a
/// missing <c>X-Twilio-Signature</c> is 403 before the body is touched; a content type other than
/// <c>application/x-www-form-urlencoded</c> is 415; at most <see cref="MaxBodyBytes"/> are read (413 beyond);
/// the form is parsed with limits on fields and names (400); then the signature over the fields is checked (403).
/// A plain service rather than middleware or an endpoint filter: an Azure Functions (isolated worker) HTTP trigger
/// calls it.
/// </summary>
public sealed class TwilioWebhookReader(TwilioWebhookVerifier verifier, ILogger<TwilioWebhookReader> logger)
{
    /// <summary>Twilio's messaging webhooks are a few KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>An inbound MMS with ten media has some 50 fields.</summary>
    public const int MaxFieldCount = 200;

    public const int MaxFieldNameLength = 128;

    private const string FormMediaType = "application/x-www-form-urlencoded";

    public async Task<TwilioWebhookReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers[TwilioWebhookVerifier.SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return Reject(request, StatusCodes.Status403Forbidden, "Invalid Twilio signature",
                "The X-Twilio-Signature header is missing.", "no signature header");
        }

        // Twilio signs JSON bodies differently (bodySHA256); messaging webhooks are always form-encoded.
        if (!IsForm(request.ContentType))
        {
            return Reject(request, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"A Twilio webhook is {FormMediaType} (UTF-8).", "not form-encoded");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge(request);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            int length;
            try
            {
                length = await ReadUpToAsync(request.Body, buffer.AsMemory(0, MaxBodyBytes + 1), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception)
            {
                return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? TooLarge(request)
                    : Reject(request, StatusCodes.Status400BadRequest, "Invalid webhook body",
                        "The request body could not be read.", "unreadable body");
            }
            catch (IOException)
            {
                // The client broke off the body; nobody may be left to read this answer.
                return Reject(request, StatusCodes.Status400BadRequest, "Invalid webhook body",
                    "The request body could not be read.", "unreadable body");
            }

            if (length > MaxBodyBytes)
            {
                return TooLarge(request);
            }

            if (!UrlEncodedFormParser.TryParse(buffer.AsSpan(0, length), MaxFieldCount, MaxFieldNameLength,
                    out var fields, out var error))
            {
                return Reject(request, StatusCodes.Status400BadRequest, "Invalid webhook body", error!, "malformed form");
            }

            if (!verifier.IsValid(request, fields, signature))
            {
                return Reject(request, StatusCodes.Status403Forbidden, "Invalid Twilio signature",
                    "The X-Twilio-Signature header does not match the request.", "signature mismatch");
            }

            return new TwilioWebhookReadResult.Signed(new FormCollection(
                fields.ToDictionary(field => field.Key, field => new StringValues(field.Value), StringComparer.Ordinal)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TwilioWebhookReadResult.Rejected TooLarge(HttpRequest request) =>
        Reject(request, StatusCodes.Status413PayloadTooLarge, "Payload too large",
            $"A Twilio webhook body is at most {MaxBodyBytes} bytes.", "body too large");

    private TwilioWebhookReadResult.Rejected Reject(HttpRequest request, int status, string title, string detail, string problem)
    {
        TwilioLog.WebhookRejected(logger, request.Path, problem);
        return new TwilioWebhookReadResult.Rejected(status, title, detail);
    }

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<int> ReadUpToAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await body.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
