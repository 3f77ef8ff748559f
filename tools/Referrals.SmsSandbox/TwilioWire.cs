using System.Globalization;
using System.Text.Json;
using Referrals.Sms.Twilio;

namespace Referrals.SmsSandbox;

/// <summary>Twilio's JSON shapes: the Message resource and the REST error body.</summary>
internal static class TwilioWire
{
    public const string ApiVersion = "2010-04-01";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IResult Error(int httpStatus, int code, string message, int? retryAfterSeconds = null) =>
        new TwilioJsonResult(
            httpStatus,
            new ErrorBody(code, message, $"https://www.twilio.com/docs/errors/{code}", httpStatus),
            retryAfterSeconds);

    public static IResult Created(SandboxMessage message, string accountSid)
    {
        var uri = $"/{ApiVersion}/Accounts/{accountSid}/Messages/{message.Sid}";
        var viaService = message.MessagingServiceSid is not null;
        return new TwilioJsonResult(StatusCodes.Status201Created, new MessageResource(
            AccountSid: accountSid,
            ApiVersion: ApiVersion,
            Body: message.Body,
            DateCreated: Rfc2822(message.DateCreated),
            DateSent: null,
            DateUpdated: Rfc2822(message.DateUpdated),
            Direction: message.Direction,
            ErrorCode: null,
            ErrorMessage: null,
            From: message.From,
            MessagingServiceSid: message.MessagingServiceSid,
            NumMedia: "0",
            // Twilio reports 0 until a messaging service has picked the sender.
            NumSegments: (viaService ? 0 : message.Analysis.Segments).ToString(CultureInfo.InvariantCulture),
            Price: null,
            PriceUnit: "USD",
            Sid: message.Sid,
            Status: message.Status,
            SubresourceUris: new Dictionary<string, string> { ["media"] = $"{uri}/Media.json" },
            To: message.To,
            Uri: $"{uri}.json"), null);
    }

    private static string Rfc2822(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private sealed record ErrorBody(int Code, string Message, string MoreInfo, int Status);

    private sealed record MessageResource(
        string AccountSid,
        string ApiVersion,
        string Body,
        string DateCreated,
        string? DateSent,
        string DateUpdated,
        string Direction,
        int? ErrorCode,
        string? ErrorMessage,
        string? From,
        string? MessagingServiceSid,
        string NumMedia,
        string NumSegments,
        string? Price,
        string PriceUnit,
        string Sid,
        string Status,
        IReadOnlyDictionary<string, string> SubresourceUris,
        string To,
        string Uri);

    private sealed class TwilioJsonResult(int status, object body, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is int seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            if (status == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            }

            return httpContext.Response.WriteAsJsonAsync(body, body.GetType(), s_json, httpContext.RequestAborted);
        }
    }
}
