using Referrals.Messaging.Email;
using Referrals.Messaging.Models;

namespace Referrals.Messaging.Digest;

/// <summary>A deadline of one referral of an MSC, as the read model holds it; <paramref name="State"/> is pending, met, overdue, escalated or cancelled.</summary>
public sealed record DigestCandidate(string ReferralId, string Initials, string Municipality, string DeadlineKind, DateTimeOffset DueAt, string State);

/// <summary>Decides what one MSC's morning digest says (pure: no clock, no I/O).</summary>
public static class DailyDigestComposer
{
    private static readonly string[] s_overdueStates = ["overdue", "escalated"];
    private static readonly string[] s_closedStates = ["met", "cancelled"];

    /// <summary>
    /// Overdue: marked overdue or escalated, or pending and already past. Due: pending and due after
    /// <paramref name="now"/> up to <paramref name="dueBy"/> (e.g. the end of the working day). Null when both are
    /// empty: no email is better than an empty one.
    /// </summary>
    public static DailyDigestEmail? Compose(
        IReadOnlyList<EmailRecipient> to, string mscName, DateOnly date, DateTimeOffset now, DateTimeOffset dueBy,
        IEnumerable<DigestCandidate> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var overdue = new List<DigestCandidate>();
        var due = new List<DigestCandidate>();
        foreach (var deadline in deadlines)
        {
            if (s_overdueStates.Contains(deadline.State) || (deadline.State == "pending" && deadline.DueAt <= now))
            {
                overdue.Add(deadline);
            }
            else if (deadline.State == "pending" && deadline.DueAt <= dueBy)
            {
                due.Add(deadline);
            }
            else if (deadline.State != "pending" && !s_closedStates.Contains(deadline.State))
            {
                throw new ArgumentException(
                    $"Deadline state '{deadline.State}' is not one of pending, met, overdue, escalated, cancelled.", nameof(deadlines));
            }
        }

        return overdue.Count == 0 && due.Count == 0
            ? null
            : new DailyDigestEmail(to, mscName, date, Entries(overdue), Entries(due));
    }

    private static List<DigestEntry> Entries(IEnumerable<DigestCandidate> deadlines) =>
        deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.ReferralId, StringComparer.Ordinal)
            .Select(d => new DigestEntry(d.ReferralId, d.Initials, d.Municipality, d.DeadlineKind, d.DueAt))
            .ToList();
}
