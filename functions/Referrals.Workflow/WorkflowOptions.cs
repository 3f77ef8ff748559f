namespace Referrals.Workflow;

/// <summary>Storage names and the delivery policy of the workflow runtime (configuration section "Workflow").</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The table holding one partition per instance (state, events, outbox, timers).</summary>
    public string TableName { get; set; } = "workflows";

    /// <summary>The global index of due work (PartitionKey = UTC due minute), read by the safety sweep.</summary>
    public string TimerIndexTableName { get; set; } = "workflowtimers";

    /// <summary>The operator view of parked effects.</summary>
    public string ParkedTableName { get; set; } = "workflowparked";

    /// <summary>How often a decision is reloaded and decided again after a concurrent write.</summary>
    public int MaxConflictRetries { get; set; } = 10;

    /// <summary>The first retry delay of a failing effect; it doubles per attempt.</summary>
    public TimeSpan EffectRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest computed retry delay (a provider's own "retry after" is respected even when longer).</summary>
    public TimeSpan EffectRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts before a failing effect is parked for an operator.</summary>
    public int EffectMaxAttempts { get; set; } = 8;

    /// <summary>How long a wake marker waits before the safety sweep may act on it: longer than a commit and its
    /// wake-up take, so the sweep only finds markers of wake-ups that never happened.</summary>
    public TimeSpan WakeGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A timer this close to due counts as due: Azure Storage queues delay messages by whole seconds, so a
    /// durable timer can fire up to a second early.</summary>
    public TimeSpan EarlyTimerTolerance { get; set; } = TimeSpan.FromSeconds(2);
}
