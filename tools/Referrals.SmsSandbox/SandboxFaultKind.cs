namespace Referrals.SmsSandbox;

public enum SandboxFaultKind
{
    /// <summary>The next <c>count</c> Messages API requests answer 429 / 20429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>The next <c>count</c> Messages API requests answer 500 / 20500.</summary>
    ServerError,

    /// <summary>Messages to <c>phone</c> answer 400 / 21610 (the recipient replied STOP).</summary>
    OptedOut,

    /// <summary>Messages to <c>phone</c> are accepted but end undelivered with <c>errorCode</c> (default 30003).</summary>
    Undelivered,
}
