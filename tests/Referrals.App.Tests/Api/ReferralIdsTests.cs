using Referrals.App.Api.Idempotency;

namespace Referrals.App.Tests.Api;

public sealed class ReferralIdsTests
{
    [Fact]
    public void The_id_is_stable_for_the_same_organisation_and_key()
    {
        Assert.Equal(ReferralIds.FromIdempotencyKey("org-a", "key-00001"), ReferralIds.FromIdempotencyKey("org-a", "key-00001"));
    }

    [Theory]
    [InlineData("org-a", "key-00001", "org-b", "key-00001")]
    [InlineData("org-a", "key-00001", "org-a", "key-00002")]
    [InlineData("ab", "ckey-0001", "a", "bckey-0001")]
    public void Different_organisations_or_keys_give_different_ids(string org1, string key1, string org2, string key2)
    {
        Assert.NotEqual(ReferralIds.FromIdempotencyKey(org1, key1), ReferralIds.FromIdempotencyKey(org2, key2));
    }

    [Fact]
    public void The_id_is_20_lowercase_base32_characters()
    {
        var id = ReferralIds.FromIdempotencyKey("org-a", Guid.NewGuid().ToString());

        Assert.Matches("^[a-z2-7]{20}$", id);
        Assert.True(ReferralIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQRST")]
    [InlineData("abcdefghijklmnopqrs")]
    [InlineData("abcdefghijklmnopqrs0")]
    [InlineData("../../etc/passwd/xyz")]
    public void Malformed_ids_are_recognised(string? id)
    {
        Assert.False(ReferralIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData("550e8400-e29b-41d4-a716-446655440000", true)]
    [InlineData("abc:def_ghi.jkl", true)]
    [InlineData("short", false)]
    [InlineData("has space in it", false)]
    [InlineData("ümlautkey", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void Idempotency_keys_are_checked_for_length_and_charset(string? key, bool valid)
    {
        Assert.Equal(valid, ReferralIds.ValidateKey(key) is null);
    }

    [Fact]
    public void An_idempotency_key_over_128_characters_is_refused()
    {
        Assert.NotNull(ReferralIds.ValidateKey(new string('a', 129)));
        Assert.Null(ReferralIds.ValidateKey(new string('a', 128)));
    }
}
