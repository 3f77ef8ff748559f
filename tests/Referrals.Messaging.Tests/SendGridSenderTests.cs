using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Messaging.Email;
using Referrals.Testing;

namespace Referrals.Messaging.Tests;

/// <summary>The SendGrid sender against a local HTTP listener standing in for the SendGrid API base URL.</summary>
public sealed class SendGridSenderTests : IAsyncLifetime
{
    private readonly int _port = FreePort.Next();
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string Body)> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile int _status = 202;

    public Task InitializeAsync()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _loop = ServeAsync();
        return Task.CompletedTask;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            _requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], await reader.ReadToEndAsync()));
            context.Response.StatusCode = _status;
            context.Response.Close();
        }
    }

    private ServiceProvider Services(int? port = null) => MessagingServices.Build(new Dictionary<string, string?>
    {
        ["Messaging:PublicBaseUrl"] = "https://referrals.example",
        ["Email:Provider"] = "SendGrid",
        ["Email:FromAddress"] = "referrals@nes.example",
        ["Email:FromName"] = "Referrals",
        ["Email:SendGrid:ApiKey"] = "SG.test-key",
        ["Email:SendGrid:BaseUrl"] = $"http://127.0.0.1:{port ?? _port}",
        ["Email:SendGrid:TimeoutSeconds"] = "5",
    });

    private static EmailMessage Message { get; } = new(
        "effect-42", "escalation", "en", [ReferralFixture.MscHead], [ReferralFixture.Coordinator],
        "Escalation: referral M. J.", "<p>Escalation</p>", "Escalation");

    [Fact]
    public async Task A_send_posts_the_v3_mail_send_request_with_bearer_key_recipients_content_and_effect_id()
    {
        await using var services = Services();

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Message, CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Sent, outcome);
        var request = Assert.Single(_requests);
        Assert.Equal(("POST", "/v3/mail/send", "Bearer SG.test-key"), (request.Method, request.Path, request.Authorization));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("referrals@nes.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Escalation: referral M. J.", root.GetProperty("subject").GetString());
        var personalization = root.GetProperty("personalizations")[0];
        Assert.Equal("head-nis@nes.example", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("coordinator@kirs.example", personalization.GetProperty("cc")[0].GetProperty("email").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal("Escalation", content["text/plain"]);
        Assert.Equal("<p>Escalation</p>", content["text/html"]);
        Assert.Equal("effect-42", personalization.GetProperty("custom_args").GetProperty("effectId").GetString());
        Assert.Equal("en", personalization.GetProperty("headers").GetProperty("Content-Language").GetString());
        Assert.Equal("escalation", personalization.GetProperty("headers").GetProperty(ReferralsHeaders.Kind).GetString());
    }

    [Theory]
    [InlineData(200, EmailSendStatus.Sent)]
    [InlineData(202, EmailSendStatus.Sent)]
    [InlineData(429, EmailSendStatus.Transient)]
    [InlineData(500, EmailSendStatus.Transient)]
    [InlineData(502, EmailSendStatus.Transient)]
    [InlineData(503, EmailSendStatus.Transient)]
    [InlineData(400, EmailSendStatus.Permanent)]
    [InlineData(401, EmailSendStatus.Permanent)]
    [InlineData(403, EmailSendStatus.Permanent)]
    [InlineData(413, EmailSendStatus.Permanent)]
    public async Task Http_statuses_map_to_outcomes(int status, EmailSendStatus expected)
    {
        _status = status;
        await using var services = Services();

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Message, CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(expected == EmailSendStatus.Sent ? null : $"SendGrid HTTP {status}", outcome.Reason);
    }

    [Fact]
    public async Task An_unreachable_api_is_transient()
    {
        await using var services = Services(port: FreePort.Next());

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Message, CancellationToken.None);

        Assert.Equal(EmailSendStatus.Transient, outcome.Status);
        Assert.StartsWith("SendGrid unreachable", outcome.Reason, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _listener.Close();
        _stop.Dispose();
    }
}
