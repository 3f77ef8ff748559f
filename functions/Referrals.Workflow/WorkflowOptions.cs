namespace Referrals.Workflow;

/// <summary>Storage names and the delivery policy of the workflow runtime (configuration section "Workflow").</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The table holding one partition per instance (state, events, outbox, timers).</summary>
    public string TableName { get; set; } = "workflows";

    /// <summary>The global timer index (PartitionKey = UTC due minute), read by the sweeper.</summary>
    public string TimerIndexTableName { get; set; } = "workflowtimers";

    /// <summary>The operator view of parked effects.</summary>
    public string ParkedTableName { get; set; } = "workflowparked";

    /// <summary>The queue whose messages name an instance with effects to perform; poison goes to
    /// "&lt;name&gt;-poison".</summary>
    public string DispatchQueueName { get; set; } = "workflow-dispatch";

    /// <summary>How often a decision is reloaded and decided again after a concurrent write.</summary>
    public int MaxConflictRetries { get; set; } = 10;

    /// <summary>The first retry delay of a failing effect; it doubles per attempt.</summary>
    public TimeSpan EffectRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest computed retry delay (a provider's own "retry after" is respected even when longer).</summary>
    public TimeSpan EffectRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts before a failing effect is parked for an operator.</summary>
    public int EffectMaxAttempts { get; set; } = 8;

    /// <summary>How often standalone hosting sweeps the timer index.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The poller's wait after an empty receive; it doubles while idle up to
    /// <see cref="DispatchPollMaxDelay"/>.</summary>
    public TimeSpan DispatchPollMinDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan DispatchPollMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a received dispatch message stays invisible while it is being handled.</summary>
    public TimeSpan DispatchVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A commit that adds effects first sends a dispatch message hidden for this long, then dispatches in
    /// process; the message only surfaces (and recovers the work) if the process died before finishing.</summary>
    public TimeSpan DispatchRecoveryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages handled in parallel by the poller, and timers fired in parallel by a sweep.</summary>
    public int DispatchConcurrency { get; set; } = 8;

    /// <summary>Dispatches started in process right after commits that run at once; later ones wait their turn.
    /// They share the storage account with the requests that commit, and each fans out to all its due effects, so a
    /// low bound keeps a burst of effects from queueing the next requests behind it (measured in
    /// docs/workflow-runtime.md).</summary>
    public int InProcessDispatchConcurrency { get; set; } = 2;

    /// <summary>A dispatch message received more often than this goes to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
