using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>A deadline as the API shows it: <c>{"kind","dueAt","state"}</c>.</summary>
public sealed record DeadlineView(string Kind, DateTimeOffset DueAt, DeadlineState State);

/// <summary>A message as the API shows it, with the phone masked.</summary>
public sealed record MessageView(
    string Id,
    MessageChannel Channel,
    string Kind,
    string To,
    MessageStatus Status,
    SmsEncoding? Encoding,
    int? Segments,
    DateTimeOffset At);

/// <summary>Read-side helpers for the API: what the deadlines and messages of a referral look like at a given time.</summary>
public static class ReferralView
{
    /// <summary>The state a deadline shows at <paramref name="now"/>: a pending deadline past its due time is
    /// overdue even before its timer has fired.</summary>
    public static DeadlineState StateAt(ReferralDeadline deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.State == DeadlineState.Pending && now > deadline.DueAt ? DeadlineState.Overdue : deadline.State;
    }

    /// <summary>Every deadline, earliest first.</summary>
    public static IReadOnlyList<DeadlineView> Deadlines(ReferralState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Deadlines
            .OrderBy(d => d.DueAt)
            .ThenBy(d => d.Kind, StringComparer.Ordinal)
            .Select(d => new DeadlineView(d.Kind, d.DueAt, StateAt(d, now)))];
    }

    /// <summary>The earliest deadline still to be met (pending, overdue or escalated); null when none is open or the
    /// referral is no longer open.</summary>
    public static DeadlineView? NextDeadline(ReferralState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsOpen())
        {
            return null;
        }

        return state.Deadlines
            .Where(d => d.IsOpen())
            .OrderBy(d => d.DueAt)
            .ThenBy(d => d.Kind, StringComparer.Ordinal)
            .Select(d => new DeadlineView(d.Kind, d.DueAt, StateAt(d, now)))
            .FirstOrDefault();
    }

    /// <summary>Every message, oldest first; SMS recipients as masked phone numbers, emails as recipient roles.</summary>
    public static IReadOnlyList<MessageView> Messages(ReferralState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Messages.Select(m => new MessageView(
            m.Id,
            m.Channel,
            m.Kind,
            m.Phone is { } phone ? MaskPhone(phone) : Names.Camel(m.To),
            m.Status,
            m.Encoding,
            m.Segments,
            m.At))];
    }

    /// <summary>Keeps the first 6 and last 3 characters of an E.164 number: <c>+49151•••••678</c>.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        const int head = 6;
        const int tail = 3;
        if (phone.Length <= head + tail)
        {
            return new string('•', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, head), new string('•', phone.Length - head - tail), phone.AsSpan(phone.Length - tail));
    }
}
