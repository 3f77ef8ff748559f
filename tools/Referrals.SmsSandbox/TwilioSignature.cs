using System.Security.Cryptography;
using System.Text;

namespace Referrals.SmsSandbox;

/// <summary>
/// Signs a webhook as Twilio does: <c>X-Twilio-Signature = Base64(HMAC-SHA1(auth token, URL + each POST parameter's
/// name and value, sorted by name))</c>. Twilio's side of the scheme: the SDK only validates, so the sandbox (and
/// tests that forge or sign requests) compute it here.
/// </summary>
public static class TwilioSignature
{
    /// <param name="authToken">The account's auth token.</param>
    /// <param name="url">The full URL exactly as requested, query string included.</param>
    /// <param name="parameters">The form parameters.</param>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters
                     .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                     .ThenBy(pair => pair.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; it is not our choice to make.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }
}
