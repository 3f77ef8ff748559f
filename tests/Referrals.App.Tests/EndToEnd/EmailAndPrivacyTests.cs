using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.App.Tests.EndToEnd;

/// <summary>Staff email through MailDev, and what must never leave the system: a full referral's life, with every
/// email and every log line read for the returnee's phone number, family name and notes.</summary>
[Collection(SystemCollection.Name)]
public sealed class EmailAndPrivacyTests(SystemFixture system) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await system.Sms.ClearFaultsAsync();
        await system.MoveClockToAsync(new TimeOnly(10, 0));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task With_the_mail_server_down_the_new_referral_email_waits_and_is_delivered_exactly_once_when_it_is_back()
    {
        await system.Mail.StopAsync();
        string id;
        try
        {
            id = await system.SubmitAsync(system.Referral(SmsSandboxFixture.UniquePhone()));
            var waiting = await system.EventuallyAsync(() => system.GetReferralAsync(id),
                r => SmsDeliveryTests.Messages(r).Any(m => m["channel"]!.GetValue<string>() == "email"), "the queued email");
            Assert.Equal("queued", SmsDeliveryTests.Status(waiting, "newReferral"));
        }
        finally
        {
            await system.Mail.StartAsync();
        }

        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => SmsDeliveryTests.Status(r, "newReferral") == "sent", "the email once the server is back",
            step: TimeSpan.FromSeconds(30));
        var emails = (await system.Mail.GetEmailsAsync()).Where(e => e.Text.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Single(emails, e => e.Header("X-Referrals-Kind") == "newReferral");
        Assert.Equal("sent", SmsDeliveryTests.Status(referral, "newReferral"));
    }

    [Fact]
    public async Task A_referrals_whole_life_puts_no_phone_number_family_name_or_note_into_any_email_or_log_line()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        const string familyName = "Privatnović";
        const string note = "Confidential: the family fled a violent landlord.";
        var body = system.Referral(phone, returnInDays: 10, priority: "urgent");
        body["returnee"]!["familyName"] = familyName;
        body["notes"] = note;

        var id = await system.SubmitAsync(body);
        // Let the acknowledgement deadline pass: reminder and escalation emails go out.
        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => SmsDeliveryTests.Timeline(r).Any(e => e["type"]!.GetValue<string>() == "escalated"), "the escalation",
            step: TimeSpan.FromHours(6), timeout: TimeSpan.FromSeconds(90));
        using var advisor = await system.ClientForAsync("advisor", "advisor-nis", msc: "nis");
        Assert.True((await advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Called the family." })).IsSuccessStatusCode);
        await system.Sms.SendInboundAsync(phone, "HELP");
        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => SmsDeliveryTests.Status(r, "helpReply") == "delivered", "the help reply");

        var emails = (await system.Mail.GetEmailsAsync()).Where(e => e.Text.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Contains(emails, e => e.Header("X-Referrals-Kind") == "escalation");
        Assert.All(emails, e =>
        {
            var everything = string.Join('\n', e.Subject, e.Html, e.Text, string.Join(',', e.Headers.Values));
            Assert.DoesNotContain(phone, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(phone[1..], everything, StringComparison.Ordinal);
            Assert.DoesNotContain(familyName, everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("violent landlord", everything, StringComparison.OrdinalIgnoreCase);
        });
        var log = string.Join('\n', system.LogLines);
        Assert.Contains(id, log, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[1..], log, StringComparison.Ordinal);
        Assert.DoesNotContain(familyName, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("violent landlord", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Called the family", log, StringComparison.OrdinalIgnoreCase);
    }
}
