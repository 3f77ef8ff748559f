using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Referrals.App.Security;

namespace Referrals.App.Tests.Api;

public sealed class BlindIndexTests
{
    private static BlindIndex Index(string key) => new(Options.Create(new EncryptionOptions { BlindIndexKey = key }));

    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_same_number_always_gives_the_same_value()
    {
        Assert.Equal(Index(KeyA).ForPhone("+4915112345678"), Index(KeyA).ForPhone("+4915112345678"));
    }

    [Fact]
    public void Different_numbers_and_different_keys_give_different_values()
    {
        var index = Index(KeyA);
        var other = Index(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        Assert.NotEqual(index.ForPhone("+4915112345678"), index.ForPhone("+4915112345679"));
        Assert.NotEqual(index.ForPhone("+4915112345678"), other.ForPhone("+4915112345678"));
    }

    [Fact]
    public void The_value_is_lowercase_hex_without_the_number()
    {
        var value = Index(KeyA).ForPhone("+381115550123");

        Assert.Matches("^[0-9a-f]{64}$", value);
        Assert.DoesNotContain("381115550123", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4915112345678")]
    [InlineData("+49 151 12345678")]
    [InlineData("+")]
    [InlineData("+12345678901234567")]
    public void A_number_not_in_E164_is_refused(string phone)
    {
        Assert.Throws<ArgumentException>(() => Index(KeyA).ForPhone(phone));
    }
}
