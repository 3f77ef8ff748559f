using Microsoft.AspNetCore.Http;

namespace Referrals.Sms.Webhooks;

/// <summary>The outcome of <see cref="TwilioWebhookReader.ReadAsync"/>: a form Twilio signed, or a 4xx to answer.</summary>
public abstract record TwilioWebhookReadResult
{
    private TwilioWebhookReadResult()
    {
    }

    /// <summary>The fields, each name once, signed by Twilio.</summary>
    public sealed record Signed(IFormCollection Form) : TwilioWebhookReadResult;

    /// <summary>Refused before anything was acted on: 403, 400, 413 or 415. <paramref name="Detail"/> never quotes
    /// the request.</summary>
    public sealed record Rejected(int StatusCode, string Title, string Detail) : TwilioWebhookReadResult
    {
        /// <summary>The rejection as RFC 9457 problem details.</summary>
        public IResult ToProblem() => TypedResults.Problem(statusCode: StatusCode, title: Title, detail: Detail);
    }
}
