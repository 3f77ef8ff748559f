namespace Referrals.SmsSandbox;

/// <summary>Section "Sandbox": the fake Twilio account and how quickly messages progress.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>A fictional account; not a Twilio credential.</summary>
    public const string DefaultAccountSid = "AC5a4db0c0000000000000000000000000";

    public const string DefaultAuthToken = "sandbox-auth-token";

    public string AccountSid { get; set; } = DefaultAccountSid;

    public string AuthToken { get; set; } = DefaultAuthToken;

    /// <summary>The sandbox's own number: the sender of inbound webhooks' <c>To</c> and of TwiML replies.</summary>
    public string PhoneNumber { get; set; } = "+381115550100";

    /// <summary>Where inbound SMS go (the App's <c>/api/twilio/inbound</c>); also settable via POST /sandbox/config.</summary>
    public Uri? InboundWebhookUrl { get; set; }

    /// <summary>The pause before each status change (queued → sent → delivered).</summary>
    public TimeSpan StatusCallbackDelay { get; set; } = TimeSpan.FromSeconds(1);
}
