using Microsoft.Extensions.Options;
using Referrals.Sms.Tests.Support;
using Referrals.Sms.Twilio;

namespace Referrals.Sms.Tests.Twilio;

public sealed class TwilioOptionsValidatorTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["Twilio:AccountSid"] = "AC" + new string('a', 32),
        ["Twilio:AuthToken"] = "token",
        ["Twilio:From"] = "+381115550100",
        ["Twilio:PublicBaseUrl"] = "https://referrals.example",
    };

    private static async Task<string> FailureOf(Dictionary<string, string?> settings)
    {
        await using var host = TwilioClientHost.Create(settings);
        var exception = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<TwilioOptions>>().Value);
        return exception.Message;
    }

    [Fact]
    public async Task Valid_settings_pass_and_the_api_defaults_to_Twilio()
    {
        await using var host = TwilioClientHost.Create(Valid());

        var options = host.Get<IOptions<TwilioOptions>>().Value;

        Assert.Equal(new Uri("https://api.twilio.com"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://referrals.example/api/twilio/status"), host.Client.DefaultStatusCallback);
    }

    [Theory]
    [InlineData("Twilio:AccountSid", null, "Twilio:AccountSid")]
    [InlineData("Twilio:AccountSid", "AC123", "Twilio:AccountSid")]
    [InlineData("Twilio:AuthToken", null, "Twilio:AuthToken")]
    [InlineData("Twilio:From", null, "Twilio:From and Twilio:MessagingServiceSid")]
    [InlineData("Twilio:From", "0151 555", "Twilio:From must be")]
    [InlineData("Twilio:PublicBaseUrl", null, "Twilio:PublicBaseUrl")]
    [InlineData("Twilio:ApiBaseUrl", "ftp://api.example", "Twilio:ApiBaseUrl")]
    [InlineData("Twilio:MaxRetryAttempts", "11", "Twilio:MaxRetryAttempts")]
    [InlineData("Twilio:MessagesPerSecond", "0", "Twilio:MessagesPerSecond")]
    [InlineData("Twilio:RequestTimeout", "00:00:00", "Twilio:RequestTimeout")]
    public async Task A_missing_or_bad_setting_fails_naming_it(string key, string? value, string expected)
    {
        var settings = Valid();
        settings[key] = value;

        Assert.Contains(expected, await FailureOf(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_and_a_messaging_service_together_are_refused()
    {
        var settings = Valid();
        settings["Twilio:MessagingServiceSid"] = "MG" + new string('b', 32);

        Assert.Contains("Exactly one of Twilio:From and Twilio:MessagingServiceSid", await FailureOf(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_messaging_service_alone_is_accepted()
    {
        var settings = Valid();
        settings["Twilio:From"] = null;
        settings["Twilio:MessagingServiceSid"] = "MG" + new string('b', 32);
        await using var host = TwilioClientHost.Create(settings);

        Assert.Equal(settings["Twilio:MessagingServiceSid"], host.Get<IOptions<TwilioOptions>>().Value.MessagingServiceSid);
    }

    [Fact]
    public async Task An_alphanumeric_sender_is_accepted()
    {
        var settings = Valid();
        settings["Twilio:From"] = "NSZ Info";
        await using var host = TwilioClientHost.Create(settings);

        Assert.Equal("NSZ Info", host.Get<IOptions<TwilioOptions>>().Value.From);
    }
}
