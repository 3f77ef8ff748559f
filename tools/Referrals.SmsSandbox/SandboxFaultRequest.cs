namespace Referrals.SmsSandbox;

/// <summary>The body of POST /sandbox/faults, e.g. <c>{"kind":"tooManyRequests","count":3,"retryAfterSeconds":1}</c>
/// or <c>{"kind":"undelivered","phone":"+4915...","errorCode":30003}</c>.</summary>
public sealed record SandboxFaultRequest(
    SandboxFaultKind Kind,
    int? Count = null,
    int? RetryAfterSeconds = null,
    string? Phone = null,
    int? ErrorCode = null);

/// <summary>The faults armed now.</summary>
/// <param name="PendingRequestFaults">In the order they will hit: "429" or "500".</param>
public sealed record SandboxFaultsView(
    IReadOnlyList<string> PendingRequestFaults,
    IReadOnlyList<string> OptedOut,
    IReadOnlyDictionary<string, int> Undelivered);
