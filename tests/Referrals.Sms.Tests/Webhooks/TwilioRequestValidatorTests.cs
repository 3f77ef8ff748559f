using Referrals.Sms.Webhooks;

namespace Referrals.Sms.Tests.Webhooks;

public sealed class TwilioRequestValidatorTests
{
    // The documented test vector (DOMAIN.md, "SMS facts").
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string AuthToken = "12345";
    private const string ExpectedSignature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static List<KeyValuePair<string, string>> Parameters() =>
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    private readonly TwilioRequestValidator _validator = new(AuthToken);

    [Fact]
    public void ComputeSignature_matches_the_documented_test_vector() =>
        Assert.Equal(ExpectedSignature, _validator.ComputeSignature(Url, Parameters()));

    [Fact]
    public void IsValid_accepts_the_documented_test_vector() =>
        Assert.True(_validator.IsValid(Url, Parameters(), ExpectedSignature));

    [Fact]
    public void Parameter_order_does_not_matter()
    {
        var shuffled = Parameters();
        shuffled.Reverse();

        Assert.True(_validator.IsValid(Url, shuffled, ExpectedSignature));
    }

    [Fact]
    public void A_changed_parameter_value_is_rejected()
    {
        var tampered = Parameters();
        tampered[2] = new("Digits", "1235");

        Assert.False(_validator.IsValid(Url, tampered, ExpectedSignature));
    }

    [Fact]
    public void An_added_parameter_is_rejected()
    {
        var tampered = Parameters();
        tampered.Add(new("Body", "STOP"));

        Assert.False(_validator.IsValid(Url, tampered, ExpectedSignature));
    }

    [Fact]
    public void A_removed_parameter_is_rejected()
    {
        var tampered = Parameters();
        tampered.RemoveAt(0);

        Assert.False(_validator.IsValid(Url, tampered, ExpectedSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void A_different_url_is_rejected(string url) =>
        Assert.False(_validator.IsValid(url, Parameters(), ExpectedSignature));

    [Fact]
    public void A_different_auth_token_is_rejected() =>
        Assert.False(new TwilioRequestValidator("54321").IsValid(Url, Parameters(), ExpectedSignature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ==")]
    [InlineData("1/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("not base64 at all, and much longer than a real signature")]
    public void A_missing_or_wrong_signature_is_rejected(string? signature) =>
        Assert.False(_validator.IsValid(Url, Parameters(), signature));

    [Fact]
    public void Repeated_parameters_are_all_signed_in_value_order()
    {
        List<KeyValuePair<string, string>> first = [new("Media", "b"), new("Media", "a")];
        List<KeyValuePair<string, string>> second = [new("Media", "a"), new("Media", "b")];
        List<KeyValuePair<string, string>> fewer = [new("Media", "a")];

        var signature = _validator.ComputeSignature(Url, first);

        Assert.True(_validator.IsValid(Url, second, signature));
        Assert.False(_validator.IsValid(Url, fewer, signature));
    }

    [Fact]
    public void An_empty_auth_token_is_refused() =>
        Assert.Throws<ArgumentException>(() => new TwilioRequestValidator(""));
}
