using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Referrals.App.Security;

namespace Referrals.App.Tests.Api;

public sealed class AesGcmPayloadProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static AesGcmPayloadProtector Protector(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new EncryptionOptions
        {
            Keys = keys.ToDictionary(k => k.Id, k => k.Key),
            ActiveKeyId = active,
        }));

    [Theory]
    [InlineData("")]
    [InlineData("{\"returnee\":{\"givenName\":\"Marko\",\"phone\":\"+4915112345678\"}}")]
    [InlineData("Ćirilica: Ниш, Јовановић — čćšžđ")]
    public void Protect_then_Unprotect_returns_the_plaintext(string plaintext)
    {
        var protector = Protector("a", ("a", KeyA));

        var stored = protector.Protect(plaintext);

        Assert.Equal(plaintext, protector.Unprotect(stored));
    }

    [Fact]
    public void Protect_writes_version_key_id_and_no_plaintext()
    {
        var stored = Protector("a", ("a", KeyA)).Protect("Jovanović +4915112345678");

        Assert.StartsWith("v1:a:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Jovanovi", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("4915112345678", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Protect_uses_a_fresh_nonce_each_time()
    {
        var protector = Protector("a", ("a", KeyA));

        Assert.NotEqual(protector.Protect("same"), protector.Protect("same"));
    }

    [Fact]
    public void Unprotect_of_a_tampered_payload_fails_authentication()
    {
        var protector = Protector("a", ("a", KeyA));
        var stored = protector.Protect("consent: yes");
        var bytes = Convert.FromBase64String(stored["v1:a:".Length..]);
        bytes[^20] ^= 0x01;

        var error = Assert.ThrowsAny<CryptographicException>(() =>
            protector.Unprotect("v1:a:" + Convert.ToBase64String(bytes)));
        Assert.Contains("failed authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_with_the_right_id_but_another_key_fails_authentication()
    {
        var stored = Protector("a", ("a", KeyA)).Protect("x");

        Assert.ThrowsAny<CryptographicException>(() => Protector("a", ("a", KeyB)).Unprotect(stored));
    }

    [Fact]
    public void A_payload_relabelled_with_another_configured_key_id_does_not_decrypt()
    {
        var protector = Protector("a", ("a", KeyA), ("b", KeyA));
        var stored = protector.Protect("x");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v1:b:" + stored["v1:a:".Length..]));
    }

    [Fact]
    public void After_rotation_old_payloads_still_decrypt_and_new_ones_use_the_new_key()
    {
        var before = Protector("a", ("a", KeyA));
        var old = before.Protect("before rotation");
        var after = Protector("b", ("a", KeyA), ("b", KeyB));

        var fresh = after.Protect("after rotation");

        Assert.Equal("before rotation", after.Unprotect(old));
        Assert.StartsWith("v1:b:", fresh, StringComparison.Ordinal);
        Assert.Equal("after rotation", after.Unprotect(fresh));
    }

    [Fact]
    public void Unprotect_with_an_unconfigured_key_id_names_the_key_id()
    {
        var stored = Protector("old", ("old", KeyA)).Protect("x");

        var error = Assert.ThrowsAny<CryptographicException>(() => Protector("new", ("new", KeyB)).Unprotect(stored));

        Assert.Contains("'old'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not configured", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("v2:a:AAAA")]
    [InlineData("v1:a:not base64!")]
    [InlineData("v1:a:AAAA")]
    public void Unprotect_of_something_not_protected_fails_clearly(string stored)
    {
        Assert.ThrowsAny<CryptographicException>(() => Protector("a", ("a", KeyA)).Unprotect(stored));
    }
}
