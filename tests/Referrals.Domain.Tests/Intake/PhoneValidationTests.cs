using Referrals.Contracts;
using Referrals.Domain.Intake;
using static Referrals.Domain.Tests.Intake.IntakeTestData;

namespace Referrals.Domain.Tests.Intake;

// Numbers are from ranges used only for tests here (9999 0001-style subscriber numbers, 555 landlines, the US 555-01xx
// fictional range); libphonenumber judges them by their prefixes.
public sealed class PhoneValidationTests
{
    private const string SmsNeedsMobile =
        "SMS needs a mobile number: this number is not a mobile. Give a mobile number, or record that the returnee did not consent to SMS.";

    [Theory]
    [InlineData("+4915199990001", "+4915199990001")] // Germany, Telekom 151
    [InlineData("+4917099990001", "+4917099990001")] // Germany, Telekom 170
    [InlineData("+4916099990001", "+4916099990001")]
    [InlineData("+49 151 9999 0001", "+4915199990001")]
    [InlineData("+49 (0)151 99990001", "+4915199990001")]
    [InlineData("+49-151-9999-0001", "+4915199990001")]
    [InlineData("+381609990001", "+381609990001")] // Serbia 060
    [InlineData("+381649990001", "+381649990001")] // Serbia 064
    [InlineData("+381 63 999 001", "+38163999001")] // Serbia 063
    [InlineData("+381 69 999 001", "+38169999001")] // Serbia 069
    [InlineData("+436641234567", "+436641234567")] // Austria
    [InlineData("+38761999001", "+38761999001")] // Bosnia and Herzegovina
    public void European_mobile_numbers_are_accepted_for_SMS_and_normalized_to_E164(string phone, string e164)
    {
        var result = Validate(WithReturnee(r => r with { Phone = phone }));
        Assert.True(result.IsValid);
        Assert.Equal(e164, result.Details.Returnee.Phone);
    }

    [Theory]
    [InlineData("+493099990001")] // German landline (Berlin)
    [InlineData("+381115550001")] // Serbian landline (Belgrade)
    public void A_landline_is_rejected_when_the_returnee_consented_to_SMS(string phone)
    {
        var errors = AssertRejected(Validate(WithReturnee(r => r with { Phone = phone })), "returnee.phone");
        Assert.Equal([SmsNeedsMobile], errors["returnee.phone"]);
    }

    [Theory]
    [InlineData("+493099990001", "+493099990001")]
    [InlineData("+381 11 555 0001", "+381115550001")]
    public void A_landline_is_accepted_without_SMS_consent(string phone, string e164)
    {
        var request = WithReturnee(r => r with { Phone = phone }) with { Consent = Valid().Consent! with { Sms = false } };
        Assert.Equal(e164, Validate(request).Details?.Returnee.Phone);
    }

    [Theory]
    [InlineData("+12025550123")] // United States (555-01xx fictional range)
    [InlineData("+61491570156")] // Australia (ACMA fictional mobile range)
    public void A_number_outside_Europe_is_rejected(string phone)
    {
        var errors = AssertRejected(Validate(WithReturnee(r => r with { Phone = phone })), "returnee.phone");
        Assert.Equal(["Must be a phone number of a European country."], errors["returnee.phone"]);
    }

    [Fact]
    public void The_allowed_regions_are_configurable()
    {
        var options = new IntakeOptions { PhoneRegions = ["RS"] };
        AssertRejected(Validate(Valid(), options), "returnee.phone");
        Assert.True(Validate(WithReturnee(r => r with { Phone = "+381609990001" }), options).IsValid);
    }

    [Theory]
    [InlineData("4915199990001", "Give the number in international format")]
    [InlineData("015199990001", "Give the number in international format")]
    [InlineData("+49 151", "Not a valid phone number.")]
    [InlineData("+49151999", "Not a valid phone number.")]
    [InlineData("+491519999000199999", "Not a valid phone number.")]
    [InlineData("+", "Not a valid phone number.")]
    [InlineData("+999 1234567", "Not a valid phone number.")]
    [InlineData("+49 151 CALL ME", "A phone number may contain only digits")]
    [InlineData("+4915199990001 ext. 12", "A phone number may contain only digits")]
    [InlineData("+4915199990001;+4915199990002", "A phone number may contain only digits")]
    public void A_malformed_number_is_rejected_without_repeating_it(string phone, string message)
    {
        var errors = AssertRejected(Validate(WithReturnee(r => r with { Phone = phone })), "returnee.phone");
        var error = Assert.Single(errors["returnee.phone"]);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPhone_serves_a_later_change_of_number()
    {
        var validator = Validator();
        Assert.Null(validator.CheckPhone("+381 60 999 0001", forSms: true, out var e164));
        Assert.Equal("+381609990001", e164);
        Assert.Equal(SmsNeedsMobile, validator.CheckPhone("+381115550001", forSms: true, out e164));
        Assert.Null(e164);
    }
}
