using System.Security.Cryptography;
using System.Text;

namespace Referrals.App.Api.Idempotency;

/// <summary>
/// Referral ids derive from the submitting organisation and the Idempotency-Key: the first 20 base32 characters
/// (100 bits) of HMAC-SHA256(secret, org + key). A retried submission therefore targets the same workflow instance,
/// and the workflow's insert of that instance is the guard against duplicates. The secret
/// (<see cref="ReferralIdGenerator"/>) keeps a guessable key from giving a guessable id.
/// </summary>
public static class ReferralIds
{
    public const int Length = 20;
    public const int MaxKeyLength = 128;
    public const int MinKeyLength = 8;
    public const string HeaderName = "Idempotency-Key";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Null when <paramref name="key"/> is acceptable, otherwise why not.</summary>
    public static string? ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return $"The {HeaderName} header is required: a unique value per referral (e.g. a UUID), reused on retry.";
        }

        if (key.Length is < MinKeyLength or > MaxKeyLength
            || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return $"{HeaderName} must be {MinKeyLength}-{MaxKeyLength} letters, digits, '-', '_', '.' or ':'.";
        }

        return null;
    }

    /// <summary>The id of the referral <paramref name="organisation"/> submits under <paramref name="key"/>, keyed
    /// with <paramref name="secret"/>.</summary>
    public static string FromIdempotencyKey(ReadOnlySpan<byte> secret, string organisation, string key)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(key);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret must not be empty.", nameof(secret));
        }

        // The length prefix keeps ("ab", "c") and ("a", "bc") apart.
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{organisation.Length}:{organisation}|{key}"));
        var id = new StringBuilder(Length);
        int buffer = 0, bits = 0, index = 0;
        while (id.Length < Length)
        {
            buffer = (buffer << 8) | hash[index++];
            bits += 8;
            while (bits >= 5 && id.Length < Length)
            {
                bits -= 5;
                id.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        return id.ToString();
    }

    /// <summary>Whether <paramref name="id"/> could be a referral id (checked before touching storage).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= 'a' and <= 'z') or (>= '2' and <= '7'));
}
