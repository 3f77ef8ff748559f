using System.Security.Cryptography;
using Referrals.App.Security;

namespace Referrals.App.Tests.Api;

public sealed class EncryptionOptionsValidatorTests
{
    private static readonly string Key32 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static EncryptionOptions Valid() => new()
    {
        Keys = new Dictionary<string, string> { ["k1"] = Key32 },
        ActiveKeyId = "k1",
        BlindIndexKey = Key32,
        ReferralIdKey = Key32,
    };

    [Fact]
    public void A_complete_configuration_is_valid()
    {
        Assert.True(new EncryptionOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Development_defaults_are_valid()
    {
        var options = new EncryptionOptions();
        EncryptionOptions.ApplyDevelopmentDefaults(options);

        Assert.True(new EncryptionOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<EncryptionOptions>> Broken => new()
    {
        { "Encryption:Keys must hold", o => o.Keys.Clear() },
        { "Encryption:ActiveKeyId is required", o => o.ActiveKeyId = null },
        { "names no key", o => o.ActiveKeyId = "k2" },
        { "exactly 32 bytes", o => o.Keys["k1"] = Convert.ToBase64String(new byte[16]) },
        { "exactly 32 bytes", o => o.Keys["k1"] = "not base64" },
        { "a key id is", o => o.Keys["k:1"] = Key32 },
        { "Encryption:BlindIndexKey is required", o => o.BlindIndexKey = null },
        { "Encryption:BlindIndexKey is required", o => o.BlindIndexKey = Convert.ToBase64String(new byte[8]) },
        { "Encryption:ReferralIdKey is required", o => o.ReferralIdKey = null },
        { "Encryption:ReferralIdKey is required", o => o.ReferralIdKey = Convert.ToBase64String(new byte[16]) },
        { "Encryption:ReferralIdKey is required", o => o.ReferralIdKey = "not base64" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_configuration_fails_naming_the_setting(string expected, Action<EncryptionOptions> breakIt)
    {
        var options = Valid();
        breakIt(options);

        var result = new EncryptionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Key32, result.FailureMessage, StringComparison.Ordinal);
    }
}
