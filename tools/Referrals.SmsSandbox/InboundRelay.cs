using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Referrals.Sms.Keywords;
using Referrals.Sms.Text;

namespace Referrals.SmsSandbox;

/// <summary>
/// Delivers a returnee's SMS to the App as Twilio's signed incoming-message webhook. Like Twilio, it blocks the
/// number on Twilio's own STOP words (later sends answer 21610) and unblocks it on START/YES/UNSTOP, and it sends
/// the App's TwiML &lt;Message&gt; replies back to the phone.
/// </summary>
internal sealed class InboundRelay(
    SandboxStore store,
    SignedWebhookClient webhooks,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<InboundRelay> logger)
{
    /// <exception cref="InvalidOperationException">No inbound webhook URL is configured.</exception>
    /// <exception cref="HttpRequestException">The App could not be reached.</exception>
    public async Task<SandboxInboundResult> SendAsync(string from, string body, string? to, CancellationToken cancellationToken)
    {
        var url = store.InboundWebhookUrl
            ?? throw new InvalidOperationException(
                "Sandbox:InboundWebhookUrl is not set; configure it or POST /sandbox/config {\"inboundWebhookUrl\":…}.");
        var ourNumber = to ?? store.LastSenderTo(from) ?? options.Value.PhoneNumber;
        var now = clock.GetUtcNow();
        var message = new SandboxMessage
        {
            Sid = SandboxStore.NewMessageSid(),
            Direction = SandboxDirections.Inbound,
            From = from,
            To = ourNumber,
            Body = body,
            Status = "received",
            Analysis = SmsEncodingAnalyzer.Analyze(body),
            DateCreated = now,
            DateUpdated = now,
        };
        store.Add(message);

        switch (InboundKeywordClassifier.ClassifyAsTwilio(body))
        {
            case InboundKeyword.Stop:
                store.SetOptedOut(from, true);
                break;
            case InboundKeyword.Start:
                store.SetOptedOut(from, false);
                break;
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", options.Value.AccountSid),
            new("ApiVersion", TwilioWire.ApiVersion),
            new("Body", body),
            new("From", from),
            new("MessageSid", message.Sid),
            new("NumMedia", "0"),
            new("NumSegments", message.Analysis.Segments.ToString(CultureInfo.InvariantCulture)),
            new("SmsMessageSid", message.Sid),
            new("SmsSid", message.Sid),
            new("SmsStatus", "received"),
            new("To", ourNumber),
        };
        var (status, contentType, appBody) = await webhooks.PostAsync(url, fields, cancellationToken);
        SandboxLog.InboundPosted(logger, message.Sid, status);

        var replies = status is >= 200 and < 300 ? TwimlMessages(appBody) : [];
        foreach (var reply in replies)
        {
            store.Add(new SandboxMessage
            {
                Sid = SandboxStore.NewMessageSid(),
                Direction = SandboxDirections.OutboundReply,
                From = ourNumber,
                To = from,
                Body = reply,
                Status = "delivered",
                Analysis = SmsEncodingAnalyzer.Analyze(reply),
                DateCreated = clock.GetUtcNow(),
                DateUpdated = clock.GetUtcNow(),
            });
        }

        return new SandboxInboundResult(message.Sid, status, contentType, appBody, replies);
    }

    private static List<string> TwimlMessages(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            var document = XDocument.Parse(body);
            return document.Root?.Name.LocalName == "Response"
                ? [.. document.Root.Elements().Where(e => e.Name.LocalName == "Message").Select(MessageText)]
                : [];
        }
        catch (XmlException)
        {
            return [];
        }
    }

    // <Message>text</Message> or <Message><Body>text</Body></Message>.
    private static string MessageText(XElement message) =>
        message.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Value ?? message.Value;
}
