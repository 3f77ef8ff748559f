using Referrals.Sms.Text;

namespace Referrals.SmsSandbox;

/// <summary>A recorded message; mutable, and only touched under <see cref="SandboxStore"/>'s lock.</summary>
internal sealed class SandboxMessage
{
    public required string Sid { get; init; }

    public required string Direction { get; init; }

    public required string? From { get; set; }

    public required string To { get; init; }

    public required string Body { get; init; }

    public required string Status { get; set; }

    public int? ErrorCode { get; set; }

    public required SmsEncodingAnalysis Analysis { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public DateTimeOffset DateUpdated { get; set; }

    public string? MessagingServiceSid { get; init; }

    public Uri? StatusCallback { get; init; }

    /// <summary>The error code the message will end with, armed when it was created.</summary>
    public int? PendingFailure { get; init; }

    public List<SandboxCallbackView> Callbacks { get; } = [];

    /// <summary>The phone on the other side of our number.</summary>
    public string Counterpart => Direction == SandboxDirections.Inbound ? From ?? "" : To;

    public SandboxMessageView ToView() => new(
        Sid, Direction, From, To, Body, Status, ErrorCode, Analysis.Segments,
        Analysis.Encoding == SmsEncoding.Gsm7 ? "gsm7" : "ucs2", DateCreated, [.. Callbacks]);
}

internal static class SandboxDirections
{
    public const string OutboundApi = "outbound-api";
    public const string OutboundReply = "outbound-reply";
    public const string Inbound = "inbound";
}
