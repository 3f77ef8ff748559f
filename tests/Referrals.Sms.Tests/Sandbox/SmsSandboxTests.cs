using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Referrals.Sms.Keywords;
using Referrals.Sms.Tests.Support;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;
using Referrals.SmsSandbox;
using Referrals.Testing;

namespace Referrals.Sms.Tests.Sandbox;

/// <summary>The sandbox's Twilio-compatible surface, its inbound webhooks and its controls.</summary>
public sealed class SmsSandboxTests(SmsSandboxFixture sandbox) : IClassFixture<SmsSandboxFixture>, IAsyncLifetime
{
    private WebhookReceiver? _receiver;

    private WebhookReceiver Receiver => _receiver!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(sandbox.AuthToken);
        await sandbox.SetInboundWebhookUrlAsync(Receiver.InboundUrl);
    }

    public async Task DisposeAsync() => await Receiver.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostMessageAsync(
        IEnumerable<KeyValuePair<string, string>> fields, string? authToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/2010-04-01/Accounts/{sandbox.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.AccountSid}:{authToken ?? sandbox.AuthToken}")));
        using var response = await sandbox.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static TheoryData<string, string[], int> InvalidRequests => new()
    {
        { "missing To", ["From", "+381115550100", "Body", "Hi"], 21604 },
        { "invalid To", ["To", "0151 5550000", "From", "+381115550100", "Body", "Hi"], 21211 },
        { "neither From nor service", ["To", "+4915550099001", "Body", "Hi"], 21603 },
        { "invalid From", ["To", "+4915550099001", "From", "not a sender!", "Body", "Hi"], 21212 },
        { "missing Body", ["To", "+4915550099001", "From", "+381115550100"], 21602 },
        { "Body too long", ["To", "+4915550099001", "From", "+381115550100", "Body", new string('a', 1601)], 21617 },
        { "bad StatusCallback", ["To", "+4915550099001", "From", "+381115550100", "Body", "Hi", "StatusCallback", "not a url"], 21609 },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_requests_get_Twilios_error_json(string scenario, string[] pairs, int code)
    {
        var fields = pairs.Chunk(2).Select(p => KeyValuePair.Create(p[0], p[1]));

        var (status, body) = await PostMessageAsync(fields);

        Assert.True(status == HttpStatusCode.BadRequest, $"{scenario}: HTTP {status}");
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", body.GetProperty("more_info").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Wrong_basic_auth_is_401_with_code_20003()
    {
        var (status, body) = await PostMessageAsync([new("To", "+4915550099001")], authToken: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(20003, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_created_message_is_a_Twilio_message_resource()
    {
        var (status, body) = await PostMessageAsync(
        [
            new("To", "+4915550099002"), new("From", "+381115550100"), new("Body", new string('a', 161)),
        ]);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("SM", body.GetProperty("sid").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal("2", body.GetProperty("num_segments").GetString());
        Assert.Equal("outbound-api", body.GetProperty("direction").GetString());
        Assert.Equal(sandbox.AccountSid, body.GetProperty("account_sid").GetString());
        Assert.Equal("+4915550099002", body.GetProperty("to").GetString());
        Assert.EndsWith(" +0000", body.GetProperty("date_created").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inbound_sms_reaches_the_app_signed_and_the_TwiML_reply_is_recorded()
    {
        var phone = SmsSandboxFixture.UniquePhone();

        var result = await sandbox.SendInboundAsync(phone, "pomoć");

        Assert.Equal(200, result.AppStatus);
        Assert.Equal(["Call your advisor on +381 11 555 0199."], result.Replies);
        var inbound = Assert.Single(Receiver.InboundMessages, m => m.MessageSid == result.MessageSid);
        Assert.Equal(phone, inbound.From);
        Assert.Equal(sandbox.PhoneNumber, inbound.To);
        Assert.Equal(InboundKeyword.Help, inbound.Keyword);
        var reply = Assert.Single(await sandbox.GetMessagesAsync(phone));
        Assert.Equal("outbound-reply", reply.Direction);
        Assert.Equal("Call your advisor on +381 11 555 0199.", reply.Body);
    }

    [Fact]
    public async Task STOP_from_a_returnee_blocks_later_sends_with_21610_until_START()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await using var host = TwilioClientHost.For(sandbox, Receiver.BaseUrl);

        await sandbox.SendInboundAsync(phone, "Stop");
        var blocked = await host.Client.SendAsync(phone, "Hello", null, CancellationToken.None);
        await sandbox.SendInboundAsync(phone, "START");
        var unblocked = await host.Client.SendAsync(phone, "Hello", null, CancellationToken.None);

        Assert.Equal(SmsFailureKind.OptedOut, Assert.IsType<SmsSendResult.Failed>(blocked).Kind);
        Assert.IsType<SmsSendResult.Accepted>(unblocked);
    }

    [Fact]
    public async Task A_local_stop_word_is_left_to_the_app_as_Twilio_would()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await using var host = TwilioClientHost.For(sandbox, Receiver.BaseUrl);

        await sandbox.SendInboundAsync(phone, "ODJAVA");
        var result = await host.Client.SendAsync(phone, "Hello", null, CancellationToken.None);

        Assert.IsType<SmsSendResult.Accepted>(result);
        Assert.Contains(Receiver.InboundMessages, m => m.From == phone && m.Keyword == InboundKeyword.Stop);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    public async Task A_webhook_without_a_valid_signature_is_403_and_changes_nothing(string? signature)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Receiver.StatusUrl)
        {
            Content = new FormUrlEncodedContent([new("MessageSid", "SM" + new string('f', 32)), new("MessageStatus", "delivered")]),
        };
        if (signature is not null)
        {
            request.Headers.Add(TwilioWebhookVerifier.SignatureHeader, signature);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Receiver.StatusCallbacks, c => c.MessageSid == "SM" + new string('f', 32));
    }

    [Fact]
    public async Task A_signature_for_other_parameters_is_403()
    {
        var signed = new List<KeyValuePair<string, string>> { new("MessageSid", "SM1"), new("MessageStatus", "delivered") };
        var sent = new List<KeyValuePair<string, string>> { new("MessageSid", "SM1"), new("MessageStatus", "failed") };
        var signature = TwilioSignature.Compute(sandbox.AuthToken, Receiver.StatusUrl.AbsoluteUri, signed);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Receiver.StatusUrl) { Content = new FormUrlEncodedContent(sent) };
        request.Headers.Add(TwilioWebhookVerifier.SignatureHeader, signature);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_over_the_public_url_verifies_behind_a_reverse_proxy()
    {
        var publicBase = new Uri("https://referrals.example/gateway/");
        await using var proxied = await WebhookReceiver.StartAsync(sandbox.AuthToken, publicBase);
        var fields = new List<KeyValuePair<string, string>> { new("MessageSid", "SM2"), new("MessageStatus", "sent") };
        var signature = TwilioSignature.Compute(sandbox.AuthToken,
            "https://referrals.example/gateway/api/twilio/status?attempt=1", fields);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxied.StatusUrl + "?attempt=1"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add(TwilioWebhookVerifier.SignatureHeader, signature);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(proxied.StatusCallbacks, c => c.MessageSid == "SM2");
    }

    [Theory]
    [InlineData("""{"kind":"tooManyRequests"}""", "count")]
    [InlineData("""{"kind":"serverError","count":0}""", "count")]
    [InlineData("""{"kind":"optedOut"}""", "phone")]
    [InlineData("""{"kind":"undelivered","phone":"+4915550099003","errorCode":21211}""", "errorCode")]
    public async Task A_bad_fault_request_is_400_naming_the_field(string json, string field)
    {
        using var response = await sandbox.Client.PostAsync("/sandbox/faults",
            new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_inbound_request_without_a_sender_is_400_naming_from()
    {
        using var response = await sandbox.Client.PostAsJsonAsync("/sandbox/inbound", new { body = "STOP" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.ToString());
    }

    [Fact]
    public async Task The_page_shows_each_conversation_encoded_and_the_reply_form_delivers_to_the_app()
    {
        var phone = SmsSandboxFixture.UniquePhone();
        await using var host = TwilioClientHost.For(sandbox, Receiver.BaseUrl);
        await host.Client.SendAsync(phone, "Termin <b>sutra</b> u 9h", null, CancellationToken.None);

        using var reply = await sandbox.Client.PostAsync("/sandbox/reply",
            new FormUrlEncodedContent([new("from", phone), new("body", "Hvala, dolazim")]));
        var page = await sandbox.Client.GetStringAsync("/");

        Assert.True(reply.IsSuccessStatusCode, $"HTTP {reply.StatusCode}");
        Assert.Contains(Receiver.InboundMessages, m => m.From == phone && m.Body == "Hvala, dolazim");
        Assert.Contains("Termin &lt;b&gt;sutra&lt;/b&gt; u 9h", page, StringComparison.Ordinal);
        Assert.Contains("Hvala, dolazim", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/sandbox/reply\"", page, StringComparison.Ordinal);
    }
}
