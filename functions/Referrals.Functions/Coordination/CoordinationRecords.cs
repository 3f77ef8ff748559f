using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

// These records travel through Durable Task state (History, Instances, queues), which is stored in plain text:
// they carry ids, kinds and times only, never personal data. The referral id is the instance id.

/// <summary>The input of one coordination cycle: sleep first (until <paramref name="WakeAt"/>, real UTC time, or
/// until a change when null), or look at once (a new referral, a retry after a failed step).
/// <paramref name="DueEffects"/>: ids of effects a commit added and that are due now, performed before the first look.
/// <paramref name="Retry"/>: the effects' retry policy (from the starter's configuration, then from the last look);
/// without it announced effects are left to the look.</summary>
public sealed record CoordinationCycle(bool Sleep, DateTimeOffset? WakeAt, IReadOnlyList<string>? DueEffects = null,
    EffectRetrySettings? Retry = null);

/// <summary>The payload of <see cref="ReferralCoordinator.ChangedEvent"/>: any payload wakes the cycle, which reads
/// the referral from Table Storage; <paramref name="DueEffects"/> (ids of effects the commit added that are due now)
/// are performed before that look, to save a round trip through the apply activity.</summary>
public sealed record ReferralChanged(DateTimeOffset At, IReadOnlyList<string>? DueEffects = null);

/// <summary>What the apply activity found: the effects to perform now, when to wake next (real UTC time, so a
/// development clock that runs ahead still maps onto durable timers), and the retry policy for the effects, taken
/// from configuration by the activity so replays see the same policy.</summary>
public sealed record CycleWork(IReadOnlyList<DueEffect> Effects, DateTimeOffset? WakeAt, EffectRetrySettings Retry);

/// <summary>A Durable retry policy for one effect's attempts within a cycle.</summary>
public sealed record EffectRetrySettings(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient,
    TimeSpan MaxRetryInterval);

/// <summary>One effect of one referral.</summary>
public sealed record EffectWork(string ReferralId, string EffectId);

/// <summary>The cycle's retries of an effect ran out.</summary>
public sealed record EffectGiveUp(string ReferralId, string EffectId, int Attempts, string Reason);
