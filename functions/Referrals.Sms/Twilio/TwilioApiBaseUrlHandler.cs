using Microsoft.Extensions.Options;

namespace Referrals.Sms.Twilio;

/// <summary>
/// Sends the Twilio SDK's requests to <see cref="TwilioOptions.ApiBaseUrl"/>: the SDK always builds
/// <c>https://api.twilio.com/…</c> and has no base-URL option. The scheme, host and port become the configured ones,
/// and the configured path (if any) is put in front of the SDK's path, so <c>http://127.0.0.1:7072</c> (the SMS
/// sandbox) and <c>https://api.twilio.com</c> (Twilio itself) both work.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestUri = Rewrite(options.Value.ApiBaseUrl, request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }

    internal static Uri Rewrite(Uri apiBaseUrl, Uri requested) =>
        new(apiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + requested.PathAndQuery);
}
