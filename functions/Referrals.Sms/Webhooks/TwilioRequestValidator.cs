using System.Security.Cryptography;
using System.Text;

namespace Referrals.Sms.Webhooks;

/// <summary>
/// Computes and checks <c>X-Twilio-Signature</c>: Base64(HMAC-SHA1(auth token, URL + each POST parameter's name and
/// value, sorted by name)).
/// </summary>
public sealed class TwilioRequestValidator
{
    private readonly byte[] _key;

    public TwilioRequestValidator(string authToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        _key = Encoding.UTF8.GetBytes(authToken);
    }

    /// <param name="url">The full URL exactly as Twilio requested it, query string included.</param>
    /// <param name="parameters">The form parameters; a repeated name appears once per value.</param>
    public string ComputeSignature(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
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
        var mac = HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>Whether <paramref name="signature"/> matches, compared in constant time.</summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(ComputeSignature(url, parameters));
        var actual = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
