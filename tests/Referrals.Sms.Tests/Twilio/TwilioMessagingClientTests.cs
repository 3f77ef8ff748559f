using System.Diagnostics;
using System.Text.RegularExpressions;
using Referrals.Sms.Tests.Support;
using Referrals.Sms.Twilio;
using Referrals.Testing;

namespace Referrals.Sms.Tests.Twilio;

/// <summary>The client against the real sandbox. Request faults are global to the sandbox, so this class owns one.</summary>
public sealed partial class TwilioMessagingClientTests(SmsSandboxFixture sandbox) : IClassFixture<SmsSandboxFixture>, IAsyncLifetime
{
    private WebhookReceiver? _receiver;

    private WebhookReceiver Receiver => _receiver!;

    public async Task InitializeAsync()
    {
        await sandbox.ClearFaultsAsync();
        _receiver = await WebhookReceiver.StartAsync(sandbox.AuthToken);
    }

    public async Task DisposeAsync() => await Receiver.DisposeAsync();

    private TwilioClientHost Host(params (string Key, string? Value)[] overrides) =>
        TwilioClientHost.For(sandbox, Receiver.BaseUrl, overrides);

    [GeneratedRegex("^SM[0-9a-f]{32}$")]
    private static partial Regex MessageSid();

    [Fact]
    public async Task An_accepted_message_has_a_SID_and_is_recorded_by_the_sandbox()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();

        var result = await host.Client.SendAsync(to, "Dobrodošli! Vaš savetnik: NSZ Niš.", null, CancellationToken.None);

        var accepted = Assert.IsType<SmsSendResult.Accepted>(result);
        Assert.Matches(MessageSid(), accepted.Sid);
        Assert.Equal(TwilioMessageStatus.Queued, accepted.Status);
        var message = Assert.Single(await sandbox.GetMessagesAsync(to));
        Assert.Equal(accepted.Sid, message.Sid);
        Assert.Equal(sandbox.PhoneNumber, message.From);
        Assert.Equal("Dobrodošli! Vaš savetnik: NSZ Niš.", message.Body);
        Assert.Equal("ucs2", message.Encoding);
        Assert.Equal(1, message.NumSegments);
    }

    [Fact]
    public async Task Status_callbacks_reach_the_default_callback_url_signed_and_in_order()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();

        var accepted = Assert.IsType<SmsSendResult.Accepted>(
            await host.Client.SendAsync(to, "Hello", null, CancellationToken.None));

        var callbacks = await Receiver.WaitForCallbacksAsync(accepted.Sid, 2);
        Assert.Equal([TwilioMessageStatus.Sent, TwilioMessageStatus.Delivered], callbacks.Select(c => c.Status));
        Assert.All(callbacks, c => Assert.Null(c.ErrorCode));
        Assert.All(callbacks, c => Assert.Equal(to, c.To));
        var recorded = await sandbox.WaitForMessagesAsync(to, m => m.Single().Callbacks.Count == 2);
        Assert.All(recorded.Single().Callbacks, c => Assert.Equal(204, c.HttpStatus));
    }

    [Fact]
    public async Task An_undelivered_number_ends_with_a_signed_30003_callback()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmUndeliveredAsync(to);

        var accepted = Assert.IsType<SmsSendResult.Accepted>(
            await host.Client.SendAsync(to, "Hello", Receiver.StatusUrl, CancellationToken.None));

        var callbacks = await Receiver.WaitForCallbacksAsync(accepted.Sid, 2);
        var last = callbacks[^1];
        Assert.Equal(TwilioMessageStatus.Undelivered, last.Status);
        Assert.Equal(TwilioErrorCodes.Unreachable, last.ErrorCode);
        Assert.Equal(TwilioErrorKind.Unreachable, TwilioErrorCodes.Classify(last.ErrorCode!.Value));
        var message = (await sandbox.WaitForMessagesAsync(to, m => m.Single().Status == "undelivered")).Single();
        Assert.Equal(30003, message.ErrorCode);
    }

    [Fact]
    public async Task A_messaging_service_message_is_accepted_then_queued_sent_delivered()
    {
        await using var host = Host(("Twilio:From", null), ("Twilio:MessagingServiceSid", "MG" + new string('c', 32)));
        var to = SmsSandboxFixture.UniquePhone();

        var accepted = Assert.IsType<SmsSendResult.Accepted>(
            await host.Client.SendAsync(to, "Hello", null, CancellationToken.None));

        Assert.Equal(TwilioMessageStatus.Accepted, accepted.Status);
        var callbacks = await Receiver.WaitForCallbacksAsync(accepted.Sid, 3);
        Assert.Equal(
            [TwilioMessageStatus.Queued, TwilioMessageStatus.Sent, TwilioMessageStatus.Delivered],
            callbacks.Select(c => c.Status));
    }

    [Theory]
    [InlineData("0151 5550000")]
    [InlineData("+49-151-5550000")]
    [InlineData("+0151555")]
    public async Task An_invalid_number_fails_as_InvalidNumber_without_quoting_it(string to)
    {
        await using var host = Host();

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        var failed = Assert.IsType<SmsSendResult.Failed>(result);
        Assert.Equal(SmsFailureKind.InvalidNumber, failed.Kind);
        Assert.Equal(TwilioErrorCodes.InvalidToNumber, failed.ErrorCode);
        Assert.Equal(400, failed.HttpStatus);
        Assert.DoesNotContain("555", failed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opted_out_number_fails_as_OptedOut()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmOptedOutAsync(to);

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        var failed = Assert.IsType<SmsSendResult.Failed>(result);
        Assert.Equal(SmsFailureKind.OptedOut, failed.Kind);
        Assert.Equal(21610, failed.ErrorCode);
        Assert.Empty(await sandbox.GetMessagesAsync(to));
    }

    [Fact]
    public async Task Wrong_credentials_are_rejected_for_good()
    {
        await using var host = Host(("Twilio:AuthToken", "not-the-token"));

        var result = await host.Client.SendAsync(SmsSandboxFixture.UniquePhone(), "Hello", null, CancellationToken.None);

        var failed = Assert.IsType<SmsSendResult.Failed>(result);
        Assert.Equal(SmsFailureKind.Rejected, failed.Kind);
        Assert.Equal(TwilioErrorCodes.Authenticate, failed.ErrorCode);
        Assert.Equal(401, failed.HttpStatus);
    }

    [Fact]
    public async Task A_storm_of_429s_ends_in_exactly_one_message_after_the_caller_retries()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmTooManyRequestsAsync(count: 4, retryAfterSeconds: 0);

        // Three attempts (one plus MaxRetryAttempts = 2) all meet a 429: the client gives the wait back.
        var first = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);
        var transient = Assert.IsType<SmsSendResult.Transient>(first);
        Assert.Equal(SmsTransientReason.TooManyRequests, transient.Reason);
        Assert.Single((await sandbox.GetFaultsAsync()).PendingRequestFaults);
        Assert.Empty(await sandbox.GetMessagesAsync(to));

        // The outbox calls again: one more 429, then success.
        var second = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.Accepted>(second);
        Assert.Single(await sandbox.GetMessagesAsync(to));
        Assert.Empty((await sandbox.GetFaultsAsync()).PendingRequestFaults);
    }

    [Fact]
    public async Task Retry_After_is_honoured_between_attempts()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmTooManyRequestsAsync(count: 1, retryAfterSeconds: 1);
        var watch = Stopwatch.StartNew();

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        watch.Stop();
        Assert.IsType<SmsSendResult.Accepted>(result);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}");
        Assert.Single(await sandbox.GetMessagesAsync(to));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_wait_budget_is_handed_back_at_once()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmTooManyRequestsAsync(count: 1, retryAfterSeconds: 30);
        var watch = Stopwatch.StartNew();

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        watch.Stop();
        Assert.Equal(new SmsSendResult.Transient(TimeSpan.FromSeconds(30), SmsTransientReason.TooManyRequests), result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the client held the caller for {watch.Elapsed}");
        Assert.Empty(await sandbox.GetMessagesAsync(to));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_success_and_send_once()
    {
        await using var host = Host();
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmServerErrorsAsync(2);

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.Accepted>(result);
        Assert.Single(await sandbox.GetMessagesAsync(to));
    }

    [Fact]
    public async Task Server_errors_beyond_the_retries_are_transient()
    {
        await using var host = Host(("Twilio:MaxRetryAttempts", "1"));
        var to = SmsSandboxFixture.UniquePhone();
        await sandbox.ArmServerErrorsAsync(2);

        var result = await host.Client.SendAsync(to, "Hello", null, CancellationToken.None);

        var transient = Assert.IsType<SmsSendResult.Transient>(result);
        Assert.Equal(SmsTransientReason.ServerError, transient.Reason);
        Assert.Empty(await sandbox.GetMessagesAsync(to));
    }

    [Fact]
    public async Task The_rate_limit_defers_without_waiting_and_sends_nothing()
    {
        await using var host = Host(("Twilio:MessagesPerSecond", "1"), ("Twilio:Burst", "1"));
        var to = SmsSandboxFixture.UniquePhone();

        var first = await host.Client.SendAsync(to, "One", null, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var second = await host.Client.SendAsync(to, "Two", null, CancellationToken.None);
        watch.Stop();

        Assert.IsType<SmsSendResult.Accepted>(first);
        var transient = Assert.IsType<SmsSendResult.Transient>(second);
        Assert.Equal(SmsTransientReason.RateLimited, transient.Reason);
        Assert.InRange(transient.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"the limiter held the caller for {watch.Elapsed}");
        Assert.Equal(["One"], (await sandbox.GetMessagesAsync(to)).Select(m => m.Body));
    }

    [Fact]
    public async Task A_timeout_is_transient_and_not_retried()
    {
        await using var host = Host(
            ("Twilio:ApiBaseUrl", new Uri(Receiver.BaseUrl, "slow/").AbsoluteUri),
            ("Twilio:RequestTimeout", "00:00:00.300"));

        var result = await host.Client.SendAsync(SmsSandboxFixture.UniquePhone(), "Hello", null, CancellationToken.None);

        var transient = Assert.IsType<SmsSendResult.Transient>(result);
        Assert.Equal(SmsTransientReason.Timeout, transient.Reason);
    }

    [Fact]
    public async Task A_cancelled_send_aborts_the_request_the_SDK_cannot_cancel()
    {
        await using var host = Host(
            ("Twilio:ApiBaseUrl", new Uri(Receiver.BaseUrl, "slow/").AbsoluteUri),
            ("Twilio:RequestTimeout", "00:05:00"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.SendAsync(SmsSandboxFixture.UniquePhone(), "Hello", null, cancellation.Token));

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the send held the caller for {watch.Elapsed}");
    }

    [Fact]
    public async Task An_unreachable_api_is_a_transient_network_error()
    {
        await using var host = Host(("Twilio:ApiBaseUrl", $"http://127.0.0.1:{FreePort.Next()}"));

        var result = await host.Client.SendAsync(SmsSandboxFixture.UniquePhone(), "Hello", null, CancellationToken.None);

        var transient = Assert.IsType<SmsSendResult.Transient>(result);
        Assert.Equal(SmsTransientReason.NetworkError, transient.Reason);
    }
}
