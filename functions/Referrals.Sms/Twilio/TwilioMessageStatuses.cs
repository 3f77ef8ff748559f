using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Referrals.Sms.Twilio;

/// <summary>Conversions between <see cref="TwilioMessageStatus"/> and Twilio's wire strings.</summary>
public static class TwilioMessageStatuses
{
    private static readonly FrozenDictionary<TwilioMessageStatus, string> s_toWire =
        new Dictionary<TwilioMessageStatus, string>
        {
            [TwilioMessageStatus.Accepted] = "accepted",
            [TwilioMessageStatus.Scheduled] = "scheduled",
            [TwilioMessageStatus.Queued] = "queued",
            [TwilioMessageStatus.Sending] = "sending",
            [TwilioMessageStatus.Sent] = "sent",
            [TwilioMessageStatus.Delivered] = "delivered",
            [TwilioMessageStatus.Undelivered] = "undelivered",
            [TwilioMessageStatus.Failed] = "failed",
            [TwilioMessageStatus.Receiving] = "receiving",
            [TwilioMessageStatus.Received] = "received",
            [TwilioMessageStatus.Read] = "read",
            [TwilioMessageStatus.Canceled] = "canceled",
            [TwilioMessageStatus.PartiallyDelivered] = "partially_delivered",
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, TwilioMessageStatus> s_fromWire =
        s_toWire.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static bool TryParse(string? value, [NotNullWhen(true)] out TwilioMessageStatus? status)
    {
        status = value is not null && s_fromWire.TryGetValue(value, out var parsed) ? parsed : null;
        return status is not null;
    }

    public static string ToWireValue(this TwilioMessageStatus status) => s_toWire[status];

    /// <summary>Whether no further status change is expected for an outbound message.</summary>
    public static bool IsFinal(this TwilioMessageStatus status) => status is TwilioMessageStatus.Delivered
        or TwilioMessageStatus.Undelivered or TwilioMessageStatus.Failed or TwilioMessageStatus.Read
        or TwilioMessageStatus.Canceled;
}
