using Microsoft.Extensions.Options;

namespace Referrals.App.Security;

/// <summary>Fails start-up naming the setting: every key base64 of exactly 32 bytes, ids safe to embed in the
/// payload prefix, an active id that is configured, a blind-index key and a referral-id key.</summary>
public sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add("Encryption:Keys must hold at least one key (Encryption:Keys:{id} = base64 of 32 bytes).");
        }

        foreach (var (id, key) in options.Keys)
        {
            if (!AesGcmPayloadProtector.IsValidKeyId(id))
            {
                failures.Add($"Encryption:Keys:{id}: a key id is 1-32 letters, digits, '-' or '_'.");
            }

            if (!Base64Key.IsValid(key, minimumBytes: 32, exactBytes: 32))
            {
                failures.Add($"Encryption:Keys:{id} must be base64 of exactly 32 bytes (AES-256).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ActiveKeyId))
        {
            failures.Add("Encryption:ActiveKeyId is required.");
        }
        else if (!options.Keys.ContainsKey(options.ActiveKeyId))
        {
            failures.Add($"Encryption:ActiveKeyId '{options.ActiveKeyId}' names no key under Encryption:Keys.");
        }

        if (options.BlindIndexKey is null || !Base64Key.IsValid(options.BlindIndexKey, minimumBytes: 32))
        {
            failures.Add("Encryption:BlindIndexKey is required: base64 of at least 32 bytes, separate from Keys.");
        }

        if (options.ReferralIdKey is null || !Base64Key.IsValid(options.ReferralIdKey, minimumBytes: 32))
        {
            failures.Add("Encryption:ReferralIdKey is required: base64 of at least 32 bytes, a secret of its own.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
