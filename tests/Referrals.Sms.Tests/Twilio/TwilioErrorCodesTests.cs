using Referrals.Sms.Twilio;

namespace Referrals.Sms.Tests.Twilio;

public sealed class TwilioErrorCodesTests
{
    [Theory]
    [InlineData(21211, TwilioErrorKind.InvalidNumber)]
    [InlineData(21614, TwilioErrorKind.NotMobile)]
    [InlineData(21610, TwilioErrorKind.OptedOut)]
    [InlineData(20429, TwilioErrorKind.TooManyRequests)]
    [InlineData(30003, TwilioErrorKind.Unreachable)]
    [InlineData(30004, TwilioErrorKind.Blocked)]
    [InlineData(30005, TwilioErrorKind.UnknownNumber)]
    [InlineData(30006, TwilioErrorKind.Landline)]
    [InlineData(30007, TwilioErrorKind.Filtered)]
    [InlineData(30008, TwilioErrorKind.UnknownDeliveryError)]
    [InlineData(21602, TwilioErrorKind.Other)]
    [InlineData(99999, TwilioErrorKind.Other)]
    public void Classify_gives_each_code_its_meaning(int code, TwilioErrorKind kind) =>
        Assert.Equal(kind, TwilioErrorCodes.Classify(code));

    [Theory]
    [InlineData(20003)]
    [InlineData(20404)]
    [InlineData(20429)]
    [InlineData(20500)]
    [InlineData(21211)]
    [InlineData(21212)]
    [InlineData(21602)]
    [InlineData(21603)]
    [InlineData(21604)]
    [InlineData(21609)]
    [InlineData(21610)]
    [InlineData(21614)]
    [InlineData(21617)]
    [InlineData(30003)]
    [InlineData(30004)]
    [InlineData(30005)]
    [InlineData(30006)]
    [InlineData(30007)]
    [InlineData(30008)]
    public void Describe_has_a_sentence_for_every_known_code(int code)
    {
        var description = TwilioErrorCodes.Describe(code);

        Assert.EndsWith(".", description, StringComparison.Ordinal);
        Assert.DoesNotContain(code.ToString(System.Globalization.CultureInfo.InvariantCulture), description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_names_an_unknown_code() =>
        Assert.Equal("Twilio error 12345.", TwilioErrorCodes.Describe(12345));
}
