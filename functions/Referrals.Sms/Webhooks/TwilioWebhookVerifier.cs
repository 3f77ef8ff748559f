using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;

namespace Referrals.Sms.Webhooks;

/// <summary>
/// Checks that an incoming webhook request was signed by Twilio with our auth token. The URL Twilio signed is
/// rebuilt from <see cref="TwilioOptions.PublicBaseUrl"/> (the origin plus any prefix a reverse proxy strips), the
/// request's path base, path and query, so it verifies behind a proxy or the Functions host.
/// </summary>
public sealed class TwilioWebhookVerifier(IOptions<TwilioOptions> options, ILogger<TwilioWebhookVerifier> logger)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>Reads the form (it stays cached for the endpoint) and checks the signature.</summary>
    public async Task<bool> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            TwilioLog.WebhookRejected(logger, request.Path, "no signature header");
            return false;
        }

        // Twilio signs JSON bodies differently (bodySHA256); messaging webhooks are always form-encoded.
        if (!request.HasFormContentType)
        {
            TwilioLog.WebhookRejected(logger, request.Path, "not form-encoded");
            return false;
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var validator = new TwilioRequestValidator(options.Value.AuthToken);
        if (!validator.IsValid(PublicUrlOf(request), form.ToSignedPairs(), signature))
        {
            TwilioLog.WebhookRejected(logger, request.Path, "signature mismatch");
            return false;
        }

        return true;
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
