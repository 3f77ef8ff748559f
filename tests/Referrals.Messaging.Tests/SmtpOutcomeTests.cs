using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Testing;

namespace Referrals.Messaging.Tests;

/// <summary>How SMTP failures are classified: connection trouble and 4xx retry, 5xx does not.</summary>
public sealed class SmtpOutcomeTests(MailDevFixture mailDev) : IClassFixture<MailDevFixture>
{
    private static EmailMessage Message(string effectId) => new(
        effectId, "withdrawalNotice", "en", [ReferralFixture.MscInbox], [], "Referral M. J. was withdrawn", "<p>Withdrawn</p>", "Withdrawn");

    private static async Task<EmailSendOutcome> SendAsync(int port, EmailMessage message)
    {
        await using var services = MessagingServices.Build(MessagingServices.SmtpSettings(port));
        return await services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);
    }

    [Fact]
    public async Task Smtp_down_then_up_is_transient_and_then_delivered_exactly_once()
    {
        var message = Message($"down-up-{Guid.NewGuid():N}");
        await mailDev.StopAsync();

        var whileDown = await SendAsync(mailDev.SmtpPort, message);

        await mailDev.StartAsync();
        var afterRestart = await SendAsync(mailDev.SmtpPort, message);

        Assert.Equal(EmailSendStatus.Transient, whileDown.Status);
        Assert.StartsWith("SMTP connection failed", whileDown.Reason, StringComparison.Ordinal);
        Assert.Equal(EmailSendOutcome.Sent, afterRestart);
        var emails = await mailDev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(15));
        Assert.Single(emails, e => e.Header("message-id") == $"<{MessageIds.For(message.EffectId, "referrals@nes.example")}>");
    }

    [Theory]
    [InlineData("RCPT", "550 5.1.1 <msc-nis@nes.example>: Recipient address rejected", EmailSendStatus.Permanent, "SMTP 550 (RecipientNotAccepted)")]
    [InlineData("RCPT", "553 5.1.3 Bad recipient address syntax", EmailSendStatus.Permanent, "SMTP 553 (RecipientNotAccepted)")]
    [InlineData("RCPT", "450 4.2.1 Mailbox busy, try later", EmailSendStatus.Transient, "SMTP 450 (RecipientNotAccepted)")]
    [InlineData("MAIL", "451 4.7.1 Greylisted, try again", EmailSendStatus.Transient, "SMTP 451 (SenderNotAccepted)")]
    [InlineData("MAIL", "553 5.7.1 Sender not allowed", EmailSendStatus.Permanent, "SMTP 553 (SenderNotAccepted)")]
    [InlineData("DATA", "552 5.3.4 Message too big", EmailSendStatus.Permanent, "SMTP 552 (MessageNotAccepted)")]
    [InlineData("DATA", "452 4.3.1 Insufficient system storage", EmailSendStatus.Transient, "SMTP 452 (MessageNotAccepted)")]
    public async Task Smtp_replies_are_classified_by_their_class_and_the_reason_never_quotes_the_server(
        string command, string reply, EmailSendStatus expected, string reason)
    {
        await using var server = new ScriptedSmtpServer(command, reply);

        var outcome = await SendAsync(server.Port, Message($"scripted-{Guid.NewGuid():N}"));

        Assert.Equal(new EmailSendOutcome(expected, reason), outcome);
        Assert.DoesNotContain("@", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.MessagesAccepted);
    }

    [Fact]
    public async Task A_server_refusing_service_at_greeting_is_transient()
    {
        await using var server = new ScriptedSmtpServer("GREETING", "421 4.3.2 Service shutting down");

        var outcome = await SendAsync(server.Port, Message("greeting"));

        Assert.Equal(EmailSendStatus.Transient, outcome.Status);
    }

    [Fact]
    public async Task The_scripted_server_accepts_a_normal_message()
    {
        await using var server = new ScriptedSmtpServer("NONE", string.Empty);

        Assert.Equal(EmailSendOutcome.Sent, await SendAsync(server.Port, Message("normal")));
        Assert.Equal(1, server.MessagesAccepted);
    }

    [Fact]
    public async Task An_invalid_recipient_address_is_permanent_without_naming_it()
    {
        var message = Message("bad-address") with { To = [new EmailRecipient("not an address")] };

        var outcome = await SendAsync(mailDev.SmtpPort, message);

        Assert.Equal(EmailSendStatus.Permanent, outcome.Status);
        Assert.DoesNotContain("not an address", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_an_outcome()
    {
        await using var services = MessagingServices.Build(MessagingServices.SmtpSettings(mailDev.SmtpPort));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.GetRequiredService<IEmailSender>().SendAsync(Message("cancelled"), cancelled.Token));
    }
}
