namespace Referrals.Functions.Coordination;

// These records travel through Durable Task state (History, Instances, queues), which is stored in plain text:
// they carry ids, kinds and times only, never personal data.

/// <summary>The input of one coordination cycle: which referral, and when its next deadline falls (if any).</summary>
public sealed record CoordinationCycle(string ReferralId, DateTimeOffset? NextDeadline);

/// <summary>The payload of <see cref="ReferralCoordinator.ChangedEvent"/>: a committed change asks to be carried out.</summary>
public sealed record ReferralChanged(DateTimeOffset CommittedAt);

/// <summary>Why a cycle woke up.</summary>
public enum WakeReason
{
    DeadlineDue = 1,
    Changed = 2,
}

/// <summary>What the cycle's activity is asked to apply.</summary>
public sealed record DueWork(string ReferralId, WakeReason Reason, DateTimeOffset At);

/// <summary>What the activity applied: the next deadline to sleep until, or none when the referral is closed.</summary>
public sealed record CycleOutcome(DateTimeOffset? NextDeadline, bool Closed);
