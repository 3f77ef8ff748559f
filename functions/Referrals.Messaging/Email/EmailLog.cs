using Microsoft.Extensions.Logging;

namespace Referrals.Messaging.Email;

/// <summary>Email log events: kind, effect id and outcome only, never an address or content.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Email {Kind} for effect {EffectId}: {Status} {Reason}")]
    public static partial void Outcome(ILogger logger, string kind, string effectId, EmailSendStatus status, string? reason);
}
