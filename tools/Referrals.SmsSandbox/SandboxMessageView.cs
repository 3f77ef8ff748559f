namespace Referrals.SmsSandbox;

/// <summary>A message the sandbox saw, as GET /sandbox/messages lists it.</summary>
/// <param name="Direction">Twilio's values: "outbound-api", "outbound-reply" (a TwiML reply) or "inbound".</param>
/// <param name="Encoding">"gsm7" or "ucs2".</param>
/// <param name="Callbacks">Each status callback posted for the message and how the App answered it.</param>
public sealed record SandboxMessageView(
    string Sid,
    string Direction,
    string? From,
    string To,
    string Body,
    string Status,
    int? ErrorCode,
    int NumSegments,
    string Encoding,
    DateTimeOffset DateCreated,
    IReadOnlyList<SandboxCallbackView> Callbacks);

/// <param name="HttpStatus">The App's answer, or null when it could not be reached (see <paramref name="Error"/>).</param>
public sealed record SandboxCallbackView(string Status, int? HttpStatus, string? Error);
