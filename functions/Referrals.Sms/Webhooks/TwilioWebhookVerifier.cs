using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;
using Twilio.Security;

namespace Referrals.Sms.Webhooks;

/// <summary>
/// Checks that a webhook's fields were signed by Twilio with our auth token, with the SDK's
/// <see cref="RequestValidator"/>. The URL Twilio signed is rebuilt from <see cref="TwilioOptions.PublicBaseUrl"/>
/// (the origin plus any prefix a reverse proxy strips), the request's path base, path and query, so it verifies
/// behind a proxy or the Functions host.
/// </summary>
public sealed class TwilioWebhookVerifier(IOptions<TwilioOptions> options)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>Whether <paramref name="signature"/> is Twilio's for <paramref name="fields"/> posted to the
    /// request's URL. Always the auth-token scheme (HMAC-SHA1): a SharedKey named in
    /// <see cref="RequestValidator.SignatureSettingsHeader"/> is one we do not hold, so that header is not read.</summary>
    public bool IsValid(HttpRequest request, IDictionary<string, string> fields, string? signature)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        try
        {
            return new RequestValidator(options.Value.AuthToken).Validate(PublicUrlOf(request), fields, signature);
        }
        catch (UriFormatException)
        {
            // The validator also tries the URL with and without its port; a URL it cannot rebuild is not signed.
            return false;
        }
    }

    /// <summary>The URL as Twilio called it.</summary>
    public string PublicUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var publicBase = options.Value.PublicBaseUrl
            ?? throw new InvalidOperationException("Twilio:PublicBaseUrl is not configured.");
        return publicBase.AbsoluteUri.TrimEnd('/')
            + request.PathBase.ToUriComponent()
            + request.Path.ToUriComponent()
            + request.QueryString.ToUriComponent();
    }
}
