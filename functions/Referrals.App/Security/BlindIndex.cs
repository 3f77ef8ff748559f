using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Referrals.App.Security;

/// <summary>
/// Keyed hashes (HMAC-SHA256 with <c>Encryption:BlindIndexKey</c>, separate from the encryption keys) that let us
/// find a referral by a phone number without storing the number in plaintext, e.g. for an inbound SMS.
/// </summary>
public sealed class BlindIndex(IOptions<EncryptionOptions> options)
{
    private readonly byte[] _key = Convert.FromBase64String(
        options.Value.BlindIndexKey ?? throw new InvalidOperationException("Encryption:BlindIndexKey is required."));

    /// <summary>The index value of an E.164 number (lowercase hex). The same number always gives the same value.
    /// </summary>
    public string ForPhone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        if (e164.Length is < 3 or > 16 || e164[0] != '+' || e164.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The phone number must be in E.164 form (+ and up to 15 digits).", nameof(e164));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("phone:" + e164)));
    }
}
