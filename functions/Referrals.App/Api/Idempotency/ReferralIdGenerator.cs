using Microsoft.Extensions.Options;
using Referrals.App.Security;

namespace Referrals.App.Api.Idempotency;

/// <summary>
/// Derives referral ids (<see cref="ReferralIds"/>) with the secret <c>Encryption:ReferralIdKey</c>. The key must stay
/// the same for as long as a submission may be retried: another key gives a retry another id.
/// </summary>
public sealed class ReferralIdGenerator(IOptions<EncryptionOptions> options)
{
    private readonly byte[] _secret = Convert.FromBase64String(
        options.Value.ReferralIdKey ?? throw new InvalidOperationException("Encryption:ReferralIdKey is required."));

    public string FromIdempotencyKey(string organisation, string key) =>
        ReferralIds.FromIdempotencyKey(_secret, organisation, key);
}
