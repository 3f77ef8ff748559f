using Microsoft.AspNetCore.Http;

namespace Referrals.Sms.Webhooks;

/// <summary>Answers 403 (problem details) before the endpoint runs when the Twilio signature is missing or wrong.</summary>
internal sealed class TwilioSignatureFilter(TwilioWebhookVerifier verifier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await verifier.VerifyAsync(http.Request, http.RequestAborted).ConfigureAwait(false))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Invalid Twilio signature",
                detail: "The X-Twilio-Signature header is missing or does not match the request.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
