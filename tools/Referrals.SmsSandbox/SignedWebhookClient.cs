using Microsoft.Extensions.Options;
using Referrals.Sms.Webhooks;

namespace Referrals.SmsSandbox;

/// <summary>Posts form-encoded webhooks signed with X-Twilio-Signature, as Twilio does.</summary>
internal sealed class SignedWebhookClient(HttpClient http, IOptions<SandboxOptions> options)
{
    public async Task<(int Status, string? ContentType, string Body)> PostAsync(
        Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var signature = TwilioSignature.Compute(options.Value.AuthToken, url.OriginalString, fields);
        request.Headers.Add(TwilioWebhookVerifier.SignatureHeader, signature);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
