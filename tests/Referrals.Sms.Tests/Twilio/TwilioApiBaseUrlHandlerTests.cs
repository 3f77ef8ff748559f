using Referrals.Sms.Twilio;

namespace Referrals.Sms.Tests.Twilio;

public sealed class TwilioApiBaseUrlHandlerTests
{
    private static readonly Uri s_sdkUri = new("https://api.twilio.com/2010-04-01/Accounts/AC00/Messages.json?x=1");

    [Theory]
    [InlineData("https://api.twilio.com", "https://api.twilio.com/2010-04-01/Accounts/AC00/Messages.json?x=1")]
    [InlineData("http://127.0.0.1:7072", "http://127.0.0.1:7072/2010-04-01/Accounts/AC00/Messages.json?x=1")]
    [InlineData("http://127.0.0.1:7072/", "http://127.0.0.1:7072/2010-04-01/Accounts/AC00/Messages.json?x=1")]
    [InlineData("http://sandbox.example/twilio/", "http://sandbox.example/twilio/2010-04-01/Accounts/AC00/Messages.json?x=1")]
    [InlineData("http://sandbox.example/twilio", "http://sandbox.example/twilio/2010-04-01/Accounts/AC00/Messages.json?x=1")]
    public void The_SDK_request_goes_to_the_configured_base_url(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), TwilioApiBaseUrlHandler.Rewrite(new Uri(baseUrl), s_sdkUri));
}
