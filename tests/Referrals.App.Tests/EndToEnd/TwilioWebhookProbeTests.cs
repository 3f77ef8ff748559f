using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Referrals.SmsSandbox;
using Referrals.Testing;

namespace Referrals.App.Tests.EndToEnd;

/// <summary>
/// The probes that once made the Twilio webhooks answer 500, against the running app: each is a 4xx, with or
/// without a (forged) signature, the app logs no unhandled exception, and the referral they aim at is unchanged.
/// Each probe is a STOP from the returnee (inbound) or a "failed" for its delivered SMS (status), so an accepted probe
/// would show.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TwilioWebhookProbeTests(SystemFixture system) : IAsyncLifetime
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private string _phone = "";
    private string _referralId = "";
    private string _messageSid = "";

    public async Task InitializeAsync()
    {
        await system.Sms.ClearFaultsAsync();
        await system.MoveClockToAsync(new TimeOnly(10, 0));
        _phone = SmsSandboxFixture.UniquePhone();
        _referralId = await system.SubmitAsync(system.Referral(_phone));
        await system.EventuallyAsync(() => system.GetReferralAsync(_referralId),
            r => SmsDeliveryTests.Status(r, "submissionConfirmation") == "delivered", "the confirmation to be delivered");
        _messageSid = Assert.Single(await system.Sms.GetMessagesAsync(_phone)).Sid;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Webhooks => new() { "inbound", "status" };

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_5_MB_Body_is_413(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.RequestEntityTooLarge,
            () => Form(Fields(webhook).Append(new("Body", new string('S', FiveMegabytes)))));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_5_MB_Body_sent_chunked_without_a_length_is_413(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.RequestEntityTooLarge,
            () => Form(Fields(webhook).Append(new("Body", new string('S', FiveMegabytes)))), chunked: true);

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task Two_thousand_fields_are_400(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.BadRequest,
            () => Form(Fields(webhook).Concat(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"F{i}", "1")))));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_3000_character_key_is_400(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.BadRequest,
            () => Form(Fields(webhook).Append(new(new string('K', 3000), "1"))));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_percent_00_is_400(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.BadRequest,
            () => Raw(Encoded(Fields(webhook)) + "&Body=STOP%00", "application/x-www-form-urlencoded"));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_broken_multipart_body_is_415(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.UnsupportedMediaType,
            () => Raw("--probe\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nSTOP\r\n--pro",
                "multipart/form-data; boundary=probe"));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_broken_percent_escape_is_400(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.BadRequest,
            () => Raw(Encoded(Fields(webhook)) + "&Body=ST%2", "application/x-www-form-urlencoded"));

    [Theory]
    [MemberData(nameof(Webhooks))]
    public Task A_JSON_body_is_415(string webhook) =>
        ProbeAsync(webhook, HttpStatusCode.UnsupportedMediaType,
            () => Raw("""{"Body":"STOP"}""", "application/json"));

    private async Task ProbeAsync(string webhook, HttpStatusCode expected, Func<HttpContent> content, bool chunked = false)
    {
        var before = await system.GetReferralAsync(_referralId);
        var logged = system.LogLines.Count;
        var url = new Uri(system.BaseUrl, Path(webhook));
        using var client = system.CreateClient();

        using var forged = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
        forged.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute("not-the-auth-token", url.AbsoluteUri, Fields(webhook)));
        forged.Headers.TransferEncodingChunked = chunked;
        using var signedResponse = await client.SendAsync(forged);
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
        unsigned.Headers.TransferEncodingChunked = chunked;
        using var unsignedResponse = await client.SendAsync(unsigned);

        Assert.Equal(expected, signedResponse.StatusCode);
        Assert.Equal("application/problem+json", signedResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, unsignedResponse.StatusCode);
        var after = await system.GetReferralAsync(_referralId);
        Assert.Equal(Unchanging(before), Unchanging(after));
        Assert.Equal("delivered", SmsDeliveryTests.Status(after, "submissionConfirmation"));
        Assert.DoesNotContain(SmsDeliveryTests.Timeline(after), e => e["type"]!.GetValue<string>() == "optedOut");
        Assert.DoesNotContain(system.LogLines.Skip(logged), line => line.StartsWith("Error", StringComparison.Ordinal)
            || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    private string Path(string webhook) =>
        webhook == "status" ? $"/api/twilio/status?referral={Uri.EscapeDataString(_referralId)}" : "/api/twilio/inbound";

    private IEnumerable<KeyValuePair<string, string>> Fields(string webhook) => webhook == "status"
        ? [new("MessageSid", _messageSid), new("MessageStatus", "failed"), new("ErrorCode", "30003")]
        : [new("MessageSid", "SM" + new string('e', 32)), new("From", _phone), new("To", system.Sms.PhoneNumber)];

    // What a refused webhook must not move: the timeline, the messages and the opt-out (the deadlines follow the clock).
    private static string Unchanging(JsonObject referral) =>
        string.Join('\n', referral["timeline"]!.ToJsonString(), referral["messages"]!.ToJsonString(),
            referral["smsOptedOut"]?.ToJsonString() ?? "");

    private static string Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static ByteArrayContent Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        Raw(Encoded(fields), "application/x-www-form-urlencoded");

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
