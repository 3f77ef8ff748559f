namespace Referrals.App.Security;

/// <summary>
/// Keys for application-level encryption at rest (section "Encryption"): <c>Encryption:Keys:{id}</c> base64 of
/// 32 bytes each, <c>Encryption:ActiveKeyId</c> the one new payloads use (older ids still decrypt, for rotation),
/// <c>Encryption:BlindIndexKey</c> (base64, at least 32 bytes) for searchable phone hashes, and
/// <c>Encryption:ReferralIdKey</c> (base64, at least 32 bytes) that keys the derivation of referral ids. In Azure these
/// are Key Vault references; in Development a fixed, non-secret default applies when nothing is configured.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public string? ActiveKeyId { get; set; }

    public string? BlindIndexKey { get; set; }

    /// <summary>The HMAC key of referral ids (see <see cref="Api.Idempotency.ReferralIds"/>): a secret, so an id cannot
    /// be computed from a guessed Idempotency-Key. Never rotated while submissions may still be retried.</summary>
    public string? ReferralIdKey { get; set; }

    /// <summary>Development only: well known, so a local Azurite on disk stays readable across runs. Not a secret.
    /// </summary>
    internal static void ApplyDevelopmentDefaults(EncryptionOptions options)
    {
        if (options.Keys.Count == 0 && options.ActiveKeyId is null)
        {
            options.Keys["dev1"] = Convert.ToBase64String("referrals-development-only-key!!"u8);
            options.ActiveKeyId = "dev1";
        }

        options.BlindIndexKey ??= Convert.ToBase64String("referrals-development-blind-index"u8);
        options.ReferralIdKey ??= Convert.ToBase64String("referrals-development-referral-ids"u8);
    }
}
