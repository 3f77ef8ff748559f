using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Referrals.Workflow;

namespace Referrals.App.Security;

/// <summary>
/// AES-256-GCM for the payloads the workflow runtime stores. Output: <c>v1:{keyId}:{base64(nonce|ciphertext|tag)}</c>
/// with a random 96-bit nonce per payload. New payloads use the active key; any configured key id still decrypts,
/// so keys rotate by adding a key, switching the active id and keeping the old one until data is rewritten.
/// The prefix is authenticated as associated data, so a payload cannot be relabelled with another key id.
/// </summary>
public sealed class AesGcmPayloadProtector : IPayloadProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly FrozenDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public AesGcmPayloadProtector(IOptions<EncryptionOptions> options)
    {
        var value = options.Value;
        _keys = value.Keys.ToFrozenDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _activeKeyId = value.ActiveKeyId ?? throw new InvalidOperationException("Encryption:ActiveKeyId is required.");
        if (!_keys.ContainsKey(_activeKeyId))
        {
            throw new InvalidOperationException($"Encryption:ActiveKeyId '{_activeKeyId}' names no configured key.");
        }
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_keys[_activeKeyId], TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length),
                sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData(_activeKeyId));
        }

        return $"{Version}:{_activeKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("The stored payload is not in the v1:{keyId}:{data} format.");
        }

        var keyId = parts[1];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException(
                $"The stored payload was encrypted with key id '{keyId}', which is not configured under Encryption:Keys.");
        }

        var sealedBytes = new byte[Base64.GetMaxDecodedFromUtf8Length(parts[2].Length)];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var length) || length < NonceSize + TagSize)
        {
            throw new CryptographicException($"The stored payload (key id '{keyId}') is not valid base64 data.");
        }

        var cipherLength = length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, cipherLength),
                sealedBytes.AsSpan(NonceSize + cipherLength, TagSize), plain, AssociatedData(keyId));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CryptographicException(
                $"The stored payload (key id '{keyId}') failed authentication: it was altered or the key is wrong.",
                exception);
        }

        return Encoding.UTF8.GetString(plain);
    }

    internal static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes($"{Version}:{keyId}");
}
