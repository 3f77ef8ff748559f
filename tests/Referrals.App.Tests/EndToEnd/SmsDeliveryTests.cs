using System.Net;
using System.Text.Json.Nodes;
using Referrals.SmsSandbox;
using Referrals.Testing;

namespace Referrals.App.Tests.EndToEnd;

/// <summary>SMS to returnees through the Twilio-compatible sandbox, end to end: submit over the API, the outbox sends,
/// the sandbox posts signed status callbacks back, the referral shows what happened.</summary>
[Collection(SystemCollection.Name)]
public sealed class SmsDeliveryTests(SystemFixture system) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await system.Sms.ClearFaultsAsync();
        await system.MoveClockToAsync(new TimeOnly(10, 0));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_submitted_referral_texts_the_returnee_and_shows_the_message_delivered_in_GSM7_after_transliteration()
    {
        var phone = SmsSandboxFixture.UniquePhone();

        var id = await system.SubmitAsync(system.Referral(phone, language: "sr-Latn"));

        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "the confirmation to be delivered");
        var message = Message(referral, "submissionConfirmation")!;
        var sent = Assert.Single(await system.Sms.GetMessagesAsync(phone));
        Assert.Equal("gsm7", message["encoding"]!.GetValue<string>());
        Assert.Equal(sent.NumSegments, message["segments"]!.GetValue<int>());
        Assert.DoesNotContain(sent.Body, c => "čćšžđČĆŠŽĐ".Contains(c, StringComparison.Ordinal));
        Assert.DoesNotContain(phone, message["to"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storm_of_429s_ends_in_exactly_one_delivered_message_while_email_goes_out_meanwhile()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await system.Sms.ArmTooManyRequestsAsync(20, retryAfterSeconds: 0);

        var id = await system.SubmitAsync(system.Referral(phone));

        var newReferralMail = await system.EventuallyAsync(() => EmailsAbout(id), m => m.Count > 0,
            "the new-referral email", step: TimeSpan.FromSeconds(10));
        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "the confirmation to be delivered",
            step: TimeSpan.FromSeconds(10));
        Assert.Contains("nis@msc.example", newReferralMail[0].To);
        Assert.Empty((await system.Sms.GetFaultsAsync()).PendingRequestFaults);
        Assert.Single(await system.Sms.GetMessagesAsync(phone));
        Assert.Equal("delivered", Status(referral, "submissionConfirmation"));
    }

    [Fact]
    public async Task Server_errors_then_success_deliver_the_message_once()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await system.Sms.ArmServerErrorsAsync(4);

        var id = await system.SubmitAsync(system.Referral(phone));

        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "delivery after 500s", step: TimeSpan.FromSeconds(10));
        Assert.Single(await system.Sms.GetMessagesAsync(phone));
    }

    [Fact]
    public async Task Error_21610_marks_the_returnee_opted_out_and_cancels_the_pre_return_reminders()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await system.Sms.ArmOptedOutAsync(phone);

        var id = await system.SubmitAsync(system.Referral(phone, returnInDays: 20));

        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "failed", "the 21610 failure");
        Assert.Contains(Timeline(referral), e => e["type"]!.GetValue<string>() == "optedOut");
        Assert.All(Deadlines(referral).Where(d => d["kind"]!.GetValue<string>().StartsWith("preReturnReminder", StringComparison.Ordinal)),
            d => Assert.Equal("cancelled", d["state"]!.GetValue<string>()));
        Assert.Empty(await system.Sms.GetMessagesAsync(phone));
    }

    [Fact]
    public async Task Error_30003_ends_undelivered_and_tells_the_msc_and_the_scout_by_email()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await system.Sms.ArmUndeliveredAsync(phone, 30003);

        var id = await system.SubmitAsync(system.Referral(phone));

        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "undelivered", "the undelivered status");
        var notices = await system.EventuallyAsync(() => EmailsAbout(id),
            m => m.Count(e => e.Header("X-Referrals-Kind") == "undeliveredSms") == 2, "two undelivered-SMS notices");
        var recipients = notices.Where(e => e.Header("X-Referrals-Kind") == "undeliveredSms").SelectMany(e => e.To).ToList();
        Assert.Contains("nis@msc.example", recipients);
        Assert.Contains(SystemFixture.ScoutInbox, recipients);
        Assert.Contains(Timeline(referral), e => e["type"]!.GetValue<string>() == "smsStatusChanged");
    }

    [Fact]
    public async Task A_webhook_with_a_forged_signature_is_refused_and_changes_nothing()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        var id = await system.SubmitAsync(system.Referral(phone));
        await system.EventuallyAsync(() => system.Sms.GetMessagesAsync(phone), m => m.Count == 1, "the first SMS");
        using var client = system.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + new string('0', 32), ["From"] = phone, ["To"] = system.Sms.PhoneNumber, ["Body"] = "STOP",
        };
        var forged = TwilioSignature.Compute("not-the-auth-token", new Uri(system.BaseUrl, "/api/twilio/inbound").AbsoluteUri, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/inbound") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", forged);

        using var response = await client.SendAsync(request);
        using var unsigned = await client.PostAsync("/api/twilio/inbound", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        var referral = await system.GetReferralAsync(id);
        Assert.DoesNotContain(Timeline(referral), e => e["type"]!.GetValue<string>() == "optedOut");
    }

    [Fact]
    public async Task A_message_due_in_quiet_hours_is_held_until_eight_in_the_recipients_zone()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await system.MoveClockToAsync(new TimeOnly(22, 30));

        var id = await system.SubmitAsync(system.Referral(phone));

        var held = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "held", "the message to be held");
        Assert.Empty(await system.Sms.GetMessagesAsync(phone));
        await system.MoveClockToAsync(new TimeOnly(7, 59));
        await system.EventuallyAsync(() => system.GetReferralAsync(id), r => r is not null, "a quiet-hours pass");
        Assert.Empty(await system.Sms.GetMessagesAsync(phone));
        await system.MoveClockToAsync(new TimeOnly(8, 0));
        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "delivery at 08:00");
        Assert.Equal("held", Status(held, "submissionConfirmation"));
        Assert.Single(await system.Sms.GetMessagesAsync(phone));
    }

    [Fact]
    public async Task STOP_cancels_every_later_SMS_including_scheduled_reminders_and_START_restores_them()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        var id = await system.SubmitAsync(system.Referral(phone, returnInDays: 20));
        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "the confirmation");

        await system.Sms.SendInboundAsync(phone, "Stop");
        var stopped = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Timeline(r).Any(e => e["type"]!.GetValue<string>() == "optedOut"), "the opt-out");
        system.Clock.Advance(TimeSpan.FromDays(14));
        await system.EventuallyAsync(() => system.GetReferralAsync(id), r => r is not null, "the reminders' due time");
        var afterReminderDue = await system.Sms.GetMessagesAsync(phone);

        await system.Sms.SendInboundAsync(phone, "START");
        var restarted = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Timeline(r).Any(e => e["type"]!.GetValue<string>() == "optedIn"), "the opt-in");

        Assert.All(Deadlines(stopped).Where(d => d["kind"]!.GetValue<string>().StartsWith("preReturnReminder", StringComparison.Ordinal)),
            d => Assert.Equal("cancelled", d["state"]!.GetValue<string>()));
        Assert.DoesNotContain(afterReminderDue, m => m.Direction.StartsWith("outbound", StringComparison.Ordinal)
            && m.Body.Contains("podsetnik", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Deadlines(restarted), d => d["kind"]!.GetValue<string>() == "preReturnReminder1"
            && d["state"]!.GetValue<string>() == "pending");
        Assert.DoesNotContain(Deadlines(restarted), d => d["kind"]!.GetValue<string>() == "preReturnReminder7"
            && d["state"]!.GetValue<string>() == "pending");
    }

    [Fact]
    public async Task A_local_opt_out_word_gets_one_confirmation_in_the_returnees_language()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        var id = await system.SubmitAsync(system.Referral(phone, language: "de"));
        await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "submissionConfirmation") == "delivered", "the confirmation");

        await system.Sms.SendInboundAsync(phone, "STOPP");

        var referral = await system.EventuallyAsync(() => system.GetReferralAsync(id),
            r => Status(r, "optOutConfirmation") == "delivered", "the opt-out confirmation");
        Assert.Single(Messages(referral), m => m["kind"]!.GetValue<string>() == "optOutConfirmation");
        var outbound = (await system.Sms.GetMessagesAsync(phone)).Where(m => m.Direction.StartsWith("outbound", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, outbound.Count);
    }

    private async Task<IReadOnlyList<MailDevEmail>> EmailsAbout(string id) =>
        (await system.Mail.GetEmailsAsync()).Where(e => e.Text.Contains(id, StringComparison.Ordinal)).ToList();

    internal static IEnumerable<JsonNode> Messages(JsonObject referral) => referral["messages"]!.AsArray()!.Select(m => m!);

    internal static IEnumerable<JsonNode> Timeline(JsonObject referral) => referral["timeline"]!.AsArray()!.Select(m => m!);

    internal static IEnumerable<JsonNode> Deadlines(JsonObject referral) => referral["deadlines"]!.AsArray()!.Select(m => m!);

    internal static JsonNode? Message(JsonObject referral, string kind) =>
        Messages(referral).LastOrDefault(m => m["kind"]!.GetValue<string>() == kind);

    internal static string? Status(JsonObject referral, string kind) => Message(referral, kind)?["status"]?.GetValue<string>();
}
