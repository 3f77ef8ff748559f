using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Referrals.Sms.Webhooks;

public static class TwilioWebhookEndpointExtensions
{
    /// <summary>
    /// Lets the endpoint run only for requests signed by Twilio (403 otherwise). The signature replaces the
    /// antiforgery token, which Twilio cannot send, so antiforgery is switched off for the endpoint.
    /// </summary>
    public static TBuilder RequireTwilioSignature<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter<TBuilder, TwilioSignatureFilter>().DisableAntiforgery();
    }
}
