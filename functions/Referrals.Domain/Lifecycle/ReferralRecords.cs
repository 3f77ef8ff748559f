using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

// Small facts the referral state keeps. Subjects are token subjects, never names.

/// <summary>Why an MSC assignment changed.</summary>
public enum AssignmentReason
{
    /// <summary>Intake routed the destination municipality to this MSC.</summary>
    Submitted,

    /// <summary>The previous MSC rejected it as out of area and suggested this one.</summary>
    OutOfAreaSuggestion,

    /// <summary>Rejected as out of area without a suggestion: waiting for a coordinator (MSC id null).</summary>
    CoordinatorQueue,

    /// <summary>A coordinator reassigned it.</summary>
    Reassigned,
}

/// <summary>One MSC assignment; <paramref name="MscId"/> null means the coordinator's routing queue.</summary>
public sealed record MscAssignment(string? MscId, DateTimeOffset At, string By, AssignmentReason Reason);

public sealed record Acknowledgement(DateTimeOffset At, string By, bool Late);

public sealed record RejectionRecord(RejectionReason Reason, string? SuggestedMscId, DateTimeOffset At, string By);

public sealed record FirstContactRecord(DateOnly On, DateTimeOffset RecordedAt, string By);

public sealed record FollowUpRecord(int Number, string Outcome, DateTimeOffset RecordedAt, string By);

public sealed record ClosureRecord(string Outcome, DateTimeOffset At, string By);

public sealed record WithdrawalRecord(DateTimeOffset At, string By);

/// <summary>Free text a person entered; <paramref name="Context"/> names the command (e.g. "acknowledge").</summary>
public sealed record ReferralNote(string Context, string Text, DateTimeOffset At, string By);

public sealed record ParkedEffectRecord(string EffectId, string Reason, DateTimeOffset At);
