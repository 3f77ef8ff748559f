using Microsoft.Extensions.Options;

namespace Referrals.Messaging.Tests;

/// <summary>A missing or wrong setting stops the start-up and names the setting.</summary>
public sealed class OptionsValidationTests
{
    private static string StartupError(Action<Dictionary<string, string?>> change)
    {
        var settings = MessagingServices.SmtpSettings(25);
        change(settings);
        using var services = MessagingServices.Build(settings);
        return Assert.Throws<OptionsValidationException>(() => MessagingServices.ValidateStartup(services)).Message;
    }

    [Theory]
    [InlineData("Email:Provider", null, "Email:Provider is required (Smtp or SendGrid).")]
    [InlineData("Email:FromAddress", null, "Email:FromAddress is required.")]
    [InlineData("Email:FromAddress", "referrals", "Email:FromAddress is not an email address.")]
    [InlineData("Email:Smtp:Host", null, "Email:Smtp:Host is required.")]
    [InlineData("Email:Smtp:Host", " ", "Email:Smtp:Host is required.")]
    [InlineData("Email:Smtp:Port", "0", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("Email:Smtp:UserName", "relay", "Email:Smtp:UserName and Email:Smtp:Password go together")]
    [InlineData("Email:Smtp:TimeoutSeconds", "0", "Email:Smtp:TimeoutSeconds must be at least 1.")]
    [InlineData("Messaging:PublicBaseUrl", null, "Messaging:PublicBaseUrl is required")]
    [InlineData("Messaging:PublicBaseUrl", "ftp://referrals.example", "Messaging:PublicBaseUrl is required")]
    [InlineData("Messaging:StaffTimeZone", "Mars/Olympus", "Messaging:StaffTimeZone 'Mars/Olympus' is not a known time zone.")]
    [InlineData("Messaging:Templates:SmsFallbackLanguage", "not a tag", "Messaging:Templates:SmsFallbackLanguage 'not a tag' is not a language tag.")]
    public void A_bad_setting_fails_the_start_naming_it(string key, string? value, string expected)
    {
        var message = StartupError(s => s[key] = value);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendGrid_needs_its_api_key_but_not_the_smtp_host()
    {
        var message = StartupError(s =>
        {
            s["Email:Provider"] = "SendGrid";
            s["Email:Smtp:Host"] = null;
        });

        Assert.Contains("Email:SendGrid:ApiKey is required.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Smtp", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_start()
    {
        using var services = MessagingServices.Build(MessagingServices.SmtpSettings(25));

        MessagingServices.ValidateStartup(services);

        Assert.IsType<Email.SmtpEmailSender>(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Email.IEmailSender>(services));
    }
}
