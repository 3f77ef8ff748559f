namespace Referrals.SmsSandbox;

/// <summary>The body of POST /sandbox/inbound: a returnee's SMS. <paramref name="To"/> defaults to the number that
/// last wrote to <paramref name="From"/>, else the sandbox's own number.</summary>
public sealed record SandboxInboundRequest(string? From, string? Body, string? To = null);

/// <summary>What the App answered to the inbound webhook, and the TwiML &lt;Message&gt; replies it contained.</summary>
public sealed record SandboxInboundResult(
    string MessageSid,
    int AppStatus,
    string? AppContentType,
    string AppBody,
    IReadOnlyList<string> Replies);

/// <summary>The body of POST /sandbox/config.</summary>
public sealed record SandboxConfigRequest(Uri? InboundWebhookUrl);

public sealed record SandboxConfigView(string AccountSid, string PhoneNumber, Uri? InboundWebhookUrl);
