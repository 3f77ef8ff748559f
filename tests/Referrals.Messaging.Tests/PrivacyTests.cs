using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Testing;

namespace Referrals.Messaging.Tests;

/// <summary>A returnee's name, phone, birth date and notes must never reach a staff email.</summary>
public sealed class PrivacyTests(MailDevFixture mailDev) : IClassFixture<MailDevFixture>, IDisposable
{
    private readonly ServiceProvider _services = MessagingServices.Build(MessagingServices.SmtpSettings(mailDev.SmtpPort));

    [Fact]
    public async Task No_email_of_any_kind_or_language_carries_the_returnees_phone_name_birth_date_or_notes()
    {
        var referral = ReferralFixture.Sample;
        var composer = _services.GetRequiredService<IStaffEmailComposer>();
        var sender = _services.GetRequiredService<IEmailSender>();
        await mailDev.DeleteAllAsync();
        var sent = 0;
        foreach (var language in new[] { "sr-Latn", "en" })
        {
            foreach (var model in referral.EveryStaffEmailVariant())
            {
                var outcome = await sender.SendAsync(composer.Compose(model, language, Guid.NewGuid().ToString()), CancellationToken.None);
                Assert.Equal(EmailSendOutcome.Sent, outcome);
                sent++;
            }
        }

        var emails = await mailDev.WaitForEmailsAsync(sent, TimeSpan.FromSeconds(15));

        string[] forbidden =
        [
            referral.Phone, referral.Phone[1..], "15112345678", referral.GivenName, referral.FamilyName, "Jovanovic",
            referral.Notes, "three children", "1988", "12. 4.", "12 Apr",
        ];
        foreach (var email in emails)
        {
            var everything = string.Join('\n', email.Subject, email.Html, email.Text, string.Join('\n', email.Headers.Values));
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, everything, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void The_staff_email_models_have_no_field_that_could_hold_personal_data()
    {
        var types = typeof(StaffEmail).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StaffEmail).Namespace && (typeof(StaffEmail).IsAssignableFrom(t) || t == typeof(ReferralSummary) || t == typeof(DigestEntry)));
        string[] forbidden = ["Phone", "GivenName", "FamilyName", "FullName", "Birth", "Note", "Address", "Gender", "Vulnerab"];

        var properties = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).ToList();

        Assert.Contains("Initials", properties);
        Assert.DoesNotContain(properties, p => forbidden.Any(f => p.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("Marko Jovanović")]
    [InlineData("Jovanović")]
    [InlineData("+4915112345678")]
    [InlineData("mj")]
    [InlineData("")]
    [InlineData("A. B. C. D. E.")]
    public void A_summary_refuses_anything_but_initials_without_repeating_the_value(string initials)
    {
        var error = Assert.Throws<ArgumentException>(() => new ReferralSummary("r-1", initials, "Niš", "normal", new DateOnly(2026, 12, 10)));

        Assert.Equal("Initials", error.ParamName);
        if (initials.Length > 0)
        {
            Assert.DoesNotContain(initials, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("M. J.")]
    [InlineData("MJ")]
    [InlineData("M.J.")]
    [InlineData("Ж. Ђ.")]
    [InlineData("A. B. C. D.")]
    public void A_summary_accepts_initials(string initials)
    {
        Assert.Equal(initials, new ReferralSummary("r-1", initials, "Niš", "normal", new DateOnly(2026, 12, 10)).Initials);
    }

    [Theory]
    [InlineData("marko", "jovanović", "M. J.")]
    [InlineData(" Đorđe ", "Šaćirović", "Đ. Š.")]
    [InlineData("Љубица", "Њего", "Љ. Њ.")]
    public void Initials_are_taken_from_the_names(string given, string family, string expected)
    {
        Assert.Equal(expected, Initials.Of(given, family));
    }

    public void Dispose() => _services.Dispose();
}
