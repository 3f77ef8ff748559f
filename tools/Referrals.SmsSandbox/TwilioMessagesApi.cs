using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Referrals.Sms.Text;
using Referrals.Sms.Twilio;

namespace Referrals.SmsSandbox;

/// <summary>POST /2010-04-01/Accounts/{sid}/Messages.json, checked the way Twilio checks it.</summary>
internal static class TwilioMessagesApi
{
    private const int MaxBodyLength = 1600;

    public static IEndpointRouteBuilder MapTwilioMessagesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", CreateMessageAsync);
        return routes;
    }

    private static async Task<IResult> CreateMessageAsync(
        string accountSid,
        HttpRequest request,
        SandboxStore store,
        StatusProgression progression,
        IOptions<SandboxOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IsAuthorized(request, settings))
        {
            return TwilioWire.Error(StatusCodes.Status401Unauthorized, TwilioErrorCodes.Authenticate, "Authenticate");
        }

        if (!string.Equals(accountSid, settings.AccountSid, StringComparison.Ordinal))
        {
            return TwilioWire.Error(StatusCodes.Status404NotFound, TwilioErrorCodes.NotFound,
                "The requested resource was not found");
        }

        if (store.TakeRequestFault() is var (faultStatus, retryAfter))
        {
            return faultStatus == StatusCodes.Status429TooManyRequests
                ? TwilioWire.Error(faultStatus, TwilioErrorCodes.TooManyRequests, "Too Many Requests", retryAfter)
                : TwilioWire.Error(faultStatus, TwilioErrorCodes.InternalServerError, "Internal Server Error");
        }

        var form = request.HasFormContentType
            ? await request.ReadFormAsync(cancellationToken)
            : FormCollection.Empty;
        var to = form["To"].ToString();
        var from = form["From"].ToString();
        var serviceSid = form["MessagingServiceSid"].ToString();
        var body = form["Body"].ToString();
        var callbackText = form["StatusCallback"].ToString();

        if (to.Length == 0)
        {
            return BadRequest(TwilioErrorCodes.ToRequired, "A 'To' phone number is required.");
        }

        if (!SmsAddress.IsE164(to))
        {
            return BadRequest(TwilioErrorCodes.InvalidToNumber, $"The 'To' number {to} is not a valid phone number.");
        }

        if (from.Length == 0 && serviceSid.Length == 0)
        {
            return BadRequest(TwilioErrorCodes.FromRequired, "A 'From' phone number is required.");
        }

        if (from.Length > 0 && !SmsAddress.IsValidSender(from))
        {
            return BadRequest(TwilioErrorCodes.InvalidFromNumber, $"The 'From' number {from} is not a valid phone number, shortcode, or alphanumeric sender ID.");
        }

        if (body.Length == 0)
        {
            return BadRequest(TwilioErrorCodes.BodyRequired, "Message body is required.");
        }

        if (body.Length > MaxBodyLength)
        {
            return BadRequest(TwilioErrorCodes.BodyTooLong, "The concatenated message body exceeds the 1600 character limit.");
        }

        Uri? statusCallback = null;
        if (callbackText.Length > 0
            && (!Uri.TryCreate(callbackText, UriKind.Absolute, out statusCallback)
                || (statusCallback.Scheme != Uri.UriSchemeHttp && statusCallback.Scheme != Uri.UriSchemeHttps)))
        {
            return BadRequest(TwilioErrorCodes.InvalidStatusCallback, "The StatusCallback URL is not a valid URL.");
        }

        if (store.IsOptedOut(to))
        {
            return BadRequest(TwilioErrorCodes.OptedOut, "Attempt to send to unsubscribed recipient");
        }

        var now = clock.GetUtcNow();
        var message = new SandboxMessage
        {
            Sid = SandboxStore.NewMessageSid(),
            Direction = SandboxDirections.OutboundApi,
            From = from.Length > 0 ? from : null,
            To = to,
            Body = body,
            Status = serviceSid.Length > 0 ? "accepted" : "queued",
            Analysis = SmsEncodingAnalyzer.Analyze(body),
            DateCreated = now,
            DateUpdated = now,
            MessagingServiceSid = serviceSid.Length > 0 ? serviceSid : null,
            StatusCallback = statusCallback,
            PendingFailure = store.UndeliveredCodeFor(to),
        };
        store.Add(message);
        progression.Start(message.Sid);
        return TwilioWire.Created(message, settings.AccountSid);
    }

    private static IResult BadRequest(int code, string message) =>
        TwilioWire.Error(StatusCodes.Status400BadRequest, code, message);

    private static bool IsAuthorized(HttpRequest request, SandboxOptions settings)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}");
        return CryptographicOperations.FixedTimeEquals(decoded, expected);
    }
}
