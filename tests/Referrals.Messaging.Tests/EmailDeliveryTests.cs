using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;
using Referrals.Testing;

namespace Referrals.Messaging.Tests;

/// <summary>Every staff email kind, rendered and sent over SMTP to a real MailDev, read back through its REST API.</summary>
public sealed class EmailDeliveryTests(MailDevFixture mailDev) : IClassFixture<MailDevFixture>, IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);
    private readonly ServiceProvider _services = MessagingServices.Build(MessagingServices.SmtpSettings(mailDev.SmtpPort));

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in EmailKinds.All)
        {
            data.Add(kind.Name, "sr-Latn");
            data.Add(kind.Name, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public async Task Each_email_kind_arrives_with_its_recipients_subject_and_language(string kind, string language)
    {
        var model = ReferralFixture.Sample.EveryStaffEmail().Single(e => e.Kind == kind);
        var effectId = $"{kind}-{language}-{Guid.NewGuid():N}";
        var message = _services.GetRequiredService<IStaffEmailComposer>().Compose(model, language, effectId);

        var outcome = await _services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, outcome);
        var email = await ArrivedAsync(message);
        Assert.Equal(message.Subject, email.Subject);
        Assert.Equal(model.To.Select(r => r.Address), email.To);
        Assert.Equal(model.Cc.Select(r => r.Address), email.Cc);
        Assert.Equal(model.To.Concat(model.Cc).Select(r => r.Address).Order(), email.EnvelopeTo.Order());
        Assert.Equal(["referrals@nes.example"], email.From);
        Assert.Equal(language, email.Header("content-language"));
        Assert.Equal(kind, email.Header(ReferralsHeaders.Kind));
        Assert.Contains($"<html lang=\"{language}\">", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Subject + email.Html + email.Text, StringComparison.Ordinal);
        if (kind != EmailKinds.DailyDigest)
        {
            Assert.Contains("https://referrals.example/referrals/ref-2026-0001", email.Html, StringComparison.Ordinal);
            Assert.Contains("https://referrals.example/referrals/ref-2026-0001", email.Text, StringComparison.Ordinal);
            Assert.Contains("M. J.", email.Subject, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sr-Latn", "Novi uput: M. J., Niš (žurno (72 h))", "23. 11. 2026. u 10:30")]
    [InlineData("en", "New referral: M. J., Niš (urgent (72 h))", "23 Nov 2026, 10:30")]
    public async Task New_referral_email_is_written_in_the_language_asked_for_with_belgrade_times(
        string language, string subject, string deadline)
    {
        var model = ReferralFixture.Sample.EveryStaffEmail().First();
        var message = _services.GetRequiredService<IStaffEmailComposer>().Compose(model, language, Guid.NewGuid().ToString());

        await _services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        var email = await ArrivedAsync(message);
        Assert.Equal(subject, email.Subject);
        Assert.Contains(deadline, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_language_without_templates_falls_back_to_serbian_latin()
    {
        var message = _services.GetRequiredService<IStaffEmailComposer>().Compose(ReferralFixture.Sample.EveryStaffEmail().First(), "de", "fallback-1");

        Assert.Equal("sr-Latn", message.Language);
        Assert.StartsWith("Novi uput", message.Subject, StringComparison.Ordinal);
        Assert.Equal(EmailSendOutcome.Sent, await _services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None));
        Assert.Equal("sr-Latn", (await ArrivedAsync(message)).Header("content-language"));
    }

    [Fact]
    public async Task The_digest_lists_overdue_and_due_items_with_links()
    {
        var model = ReferralFixture.Sample.EveryStaffEmail().Single(e => e.Kind == EmailKinds.DailyDigest);
        var message = _services.GetRequiredService<IStaffEmailComposer>().Compose(model, "en", Guid.NewGuid().ToString());

        await _services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        var email = await ArrivedAsync(message);
        Assert.Contains("- M. J., Niš: acknowledgement, 23 Nov 2026, 10:30 https://referrals.example/referrals/ref-2026-0001", email.Text, StringComparison.Ordinal);
        Assert.Contains("- A. B., Aleksinac: 30-day follow-up, 23 Nov 2026, 16:30 https://referrals.example/referrals/ref-2026-0002", email.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://referrals.example/referrals/ref-2026-0002\">open</a>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_html_encoded_in_the_html_body_but_not_in_the_text()
    {
        var summary = ReferralFixture.Sample.Summary() with { Municipality = "<b>Niš</b> & \"okolina\"" };
        var model = new ReferralNoticeEmail(ReferralNotice.Withdrawn, [ReferralFixture.MscInbox], summary, "MSC <Niš>");
        var message = _services.GetRequiredService<IStaffEmailComposer>().Compose(model, "en", Guid.NewGuid().ToString());

        await _services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        var email = await ArrivedAsync(message);
        Assert.Contains("&lt;b&gt;Niš&lt;/b&gt; &amp; &quot;okolina&quot;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Niš</b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Niš</b> & \"okolina\"", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_id_is_derived_from_the_effect_id_so_a_retry_carries_the_same_id()
    {
        var composer = _services.GetRequiredService<IStaffEmailComposer>();
        var effectId = $"effect-{Guid.NewGuid():N}";
        var first = composer.Compose(ReferralFixture.Sample.EveryStaffEmail().First(), "en", effectId);
        var again = composer.Compose(ReferralFixture.Sample.EveryStaffEmail().First(), "en", effectId);
        var sender = _services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(first, CancellationToken.None);
        await sender.SendAsync(again, CancellationToken.None);

        var expected = $"<{MessageIds.For(effectId, "referrals@nes.example")}>";
        var deadline = DateTime.UtcNow + s_wait;
        IReadOnlyList<MailDevEmail> same;
        do
        {
            same = (await mailDev.GetEmailsAsync()).Where(e => e.Header("message-id") == expected).ToList();
            await Task.Delay(same.Count < 2 ? 50 : 0);
        }
        while (same.Count < 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, same.Count);
        Assert.NotEqual(expected, $"<{MessageIds.For(effectId + "x", "referrals@nes.example")}>");
    }

    [Fact]
    public void Composing_without_a_recipient_fails()
    {
        var model = new ReferralNoticeEmail(ReferralNotice.Withdrawn, [], ReferralFixture.Sample.Summary(), "MSC");

        var error = Assert.Throws<ArgumentException>(() => _services.GetRequiredService<IStaffEmailComposer>().Compose(model, "en", "e-1"));

        Assert.Contains("recipient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rejection_reason_fails_listing_the_known_ones()
    {
        var model = new RejectionNoticeEmail([ReferralFixture.Scout], ReferralFixture.Sample.Summary(), "MSC", "tooFar");

        var error = Assert.Throws<ArgumentException>(() => _services.GetRequiredService<IStaffEmailComposer>().Compose(model, "en", "e-2"));

        Assert.Contains("outOfArea, duplicate, other", error.Message, StringComparison.Ordinal);
    }

    private async Task<MailDevEmail> ArrivedAsync(EmailMessage message)
    {
        var id = $"<{MessageIds.For(message.EffectId, "referrals@nes.example")}>";
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            var match = (await mailDev.GetEmailsAsync()).FirstOrDefault(e => e.Header("message-id") == id);
            if (match is not null)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Email {message.Kind} did not arrive in MailDev within {s_wait}.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _services.Dispose();
}
