using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;
using Referrals.SmsSandbox;
using Twilio.Security;

namespace Referrals.Sms.Tests.Webhooks;

/// <summary>The SDK's <see cref="RequestValidator"/> as <see cref="TwilioWebhookVerifier"/> uses it, and the sandbox's
/// signer (Twilio's side), against the documented test vector.</summary>
public sealed class TwilioSignatureTests
{
    // The documented test vector (DOMAIN.md, "SMS facts").
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string AuthToken = "12345";
    private const string ExpectedSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static Dictionary<string, string> Parameters() => new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+12349013030",
        ["Digits"] = "1234",
        ["From"] = "+12349013030",
        ["To"] = "+18005551212",
    };

    private readonly RequestValidator _validator = new(AuthToken);

    [Fact]
    public void The_SDK_validator_accepts_the_documented_test_vector() =>
        Assert.True(_validator.Validate(Url, Parameters(), ExpectedSignature));

    [Fact]
    public void The_sandbox_signs_the_documented_test_vector() =>
        Assert.Equal(ExpectedSignature, TwilioSignature.Compute(AuthToken, Url, Parameters()));

    [Fact]
    public void The_sandbox_signature_does_not_depend_on_parameter_order() =>
        Assert.Equal(ExpectedSignature, TwilioSignature.Compute(AuthToken, Url, Parameters().Reverse()));

    [Fact]
    public void A_changed_parameter_value_is_rejected()
    {
        var tampered = Parameters();
        tampered["Digits"] = "1235";

        Assert.False(_validator.Validate(Url, tampered, ExpectedSignature));
    }

    [Fact]
    public void An_added_parameter_is_rejected()
    {
        var tampered = Parameters();
        tampered["Body"] = "STOP";

        Assert.False(_validator.Validate(Url, tampered, ExpectedSignature));
    }

    [Fact]
    public void A_removed_parameter_is_rejected()
    {
        var tampered = Parameters();
        tampered.Remove("CallSid");

        Assert.False(_validator.Validate(Url, tampered, ExpectedSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void A_different_url_is_rejected(string url) =>
        Assert.False(_validator.Validate(url, Parameters(), ExpectedSignature));

    [Fact]
    public void A_different_auth_token_is_rejected() =>
        Assert.False(new RequestValidator("54321").Validate(Url, Parameters(), ExpectedSignature));

    [Theory]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ==")]
    [InlineData("1/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("not base64 at all, and much longer than a real signature")]
    public void A_wrong_signature_is_rejected(string signature) =>
        Assert.False(_validator.Validate(Url, Parameters(), signature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void The_verifier_rejects_a_missing_signature_without_asking_the_SDK(string? signature) =>
        Assert.False(Verifier(new Uri("https://mycompany.com/")).IsValid(Request("/myapp.php", "?foo=1&bar=2"), Parameters(), signature));

    [Fact]
    public void The_verifier_checks_the_documented_vector_against_the_public_url()
    {
        var verifier = Verifier(new Uri("https://mycompany.com/"));
        var request = Request("/myapp.php", "?foo=1&bar=2");

        Assert.Equal(Url, verifier.PublicUrlOf(request));
        Assert.True(verifier.IsValid(request, Parameters(), ExpectedSignature));
        Assert.False(verifier.IsValid(Request("/myapp.php", "?foo=1&bar=3"), Parameters(), ExpectedSignature));
    }

    [Fact]
    public void The_verifier_ignores_a_signature_settings_header_naming_another_algorithm()
    {
        var verifier = Verifier(new Uri("https://mycompany.com/"));
        var request = Request("/myapp.php", "?foo=1&bar=2");
        request.Headers[RequestValidator.SignatureSettingsHeader] = "key=webhooks_sharedkey_1,algorithm=" + RequestValidator.HmacSha256;

        Assert.True(verifier.IsValid(request, Parameters(), ExpectedSignature));
    }

    private static TwilioWebhookVerifier Verifier(Uri publicBaseUrl) =>
        new(Options.Create(new TwilioOptions { AuthToken = AuthToken, PublicBaseUrl = publicBaseUrl }));

    private static HttpRequest Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
