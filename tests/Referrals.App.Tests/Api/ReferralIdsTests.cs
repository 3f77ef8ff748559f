using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.App.Api.Idempotency;
using Referrals.App.Security;

namespace Referrals.App.Tests.Api;

public sealed class ReferralIdsTests
{
    private static readonly string SecretA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SecretB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static ReferralIdGenerator Ids(string secret) =>
        new(Options.Create(new EncryptionOptions { ReferralIdKey = secret }));

    [Fact]
    public void The_id_is_stable_for_the_same_organisation_and_key()
    {
        Assert.Equal(Ids(SecretA).FromIdempotencyKey("org-a", "key-00001"), Ids(SecretA).FromIdempotencyKey("org-a", "key-00001"));
    }

    [Fact]
    public void Different_secrets_give_different_ids_for_the_same_organisation_and_key()
    {
        Assert.NotEqual(Ids(SecretA).FromIdempotencyKey("org-a", "key-00001"), Ids(SecretB).FromIdempotencyKey("org-a", "key-00001"));
    }

    [Fact]
    public void The_id_is_not_the_unkeyed_hash_of_organisation_and_key()
    {
        // What ids were before they were keyed: anyone who guessed the key could compute them.
        var unkeyed = SHA256.HashData(Encoding.UTF8.GetBytes("5:org-a|key-00001"));
        var id = Ids(SecretA).FromIdempotencyKey("org-a", "key-00001");

        Assert.NotEqual(Base32Prefix(unkeyed), id);
        Assert.Equal(Base32Prefix(HMACSHA256.HashData(Convert.FromBase64String(SecretA), Encoding.UTF8.GetBytes("5:org-a|key-00001"))), id);
    }

    [Fact]
    public void An_empty_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReferralIds.FromIdempotencyKey([], "org-a", "key-00001"));
    }

    [Fact]
    public void The_secret_is_required_outside_Development()
    {
        using var production = SecurityOnlyApp("Production", new()
        {
            ["Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ActiveKeyId"] = "k1",
            ["Encryption:BlindIndexKey"] = SecretA,
        });

        var error = Assert.Throws<OptionsValidationException>(() => production.Services.GetRequiredService<IOptions<EncryptionOptions>>().Value);

        Assert.Contains("Encryption:ReferralIdKey is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_has_a_fixed_secret_so_ids_stay_the_same_across_runs()
    {
        using var first = SecurityOnlyApp("Development", []);
        using var second = SecurityOnlyApp("Development", []);

        var id = new ReferralIdGenerator(first.Services.GetRequiredService<IOptions<EncryptionOptions>>()).FromIdempotencyKey("org-a", "key-00001");

        Assert.Equal(id, new ReferralIdGenerator(second.Services.GetRequiredService<IOptions<EncryptionOptions>>()).FromIdempotencyKey("org-a", "key-00001"));
        Assert.True(ReferralIds.IsWellFormed(id));
    }

    private static WebApplication SecurityOnlyApp(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReferralsSecurity();
        return builder.Build();
    }

    private static string Base32Prefix(byte[] hash)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bits = string.Concat(hash.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        return string.Concat(Enumerable.Range(0, ReferralIds.Length).Select(i => alphabet[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }

    [Theory]
    [InlineData("org-a", "key-00001", "org-b", "key-00001")]
    [InlineData("org-a", "key-00001", "org-a", "key-00002")]
    [InlineData("ab", "ckey-0001", "a", "bckey-0001")]
    public void Different_organisations_or_keys_give_different_ids(string org1, string key1, string org2, string key2)
    {
        Assert.NotEqual(Ids(SecretA).FromIdempotencyKey(org1, key1), Ids(SecretA).FromIdempotencyKey(org2, key2));
    }

    [Fact]
    public void The_id_is_20_lowercase_base32_characters()
    {
        var id = Ids(SecretA).FromIdempotencyKey("org-a", Guid.NewGuid().ToString());

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
