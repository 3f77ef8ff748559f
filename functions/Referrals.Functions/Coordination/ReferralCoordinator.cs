using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Referrals.Functions.Coordination;

/// <summary>
/// One orchestration per referral (instance id = referral id). Each cycle sleeps until the next deadline or until
/// the referral changes, then hands the work to an activity and continues as new, so the history stays short.
/// Replay-safe: time comes only from the context and all I/O happens in the activity.
/// </summary>
public sealed class ReferralCoordinator
{
    public const string FunctionName = "ReferralCoordinator";

    /// <summary>The external event a committed change raises to wake the coordinator.</summary>
    public const string ChangedEvent = "ReferralChanged";

    [Function(FunctionName)]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cycle = context.GetInput<CoordinationCycle>()
            ?? throw new InvalidOperationException("The coordinator was started without its cycle input.");

        var reason = await WaitForWakeAsync(context, cycle);
        var at = context.CurrentUtcDateTime;
        if (reason == WakeReason.DeadlineDue && cycle.NextDeadline is { } deadline && at < deadline.UtcDateTime)
        {
            // Storage queues delay a message by whole seconds, so a durable timer can fire up to a second early;
            // what is due is due by the deadline.
            at = deadline.UtcDateTime;
        }

        var outcome = await context.CallActivityAsync<CycleOutcome>(
            ApplyDueWorkActivity.FunctionName, new DueWork(cycle.ReferralId, reason, at));

        if (!outcome.Closed)
        {
            // Unprocessed external events are kept across ContinueAsNew, so a change raised meanwhile is not lost.
            context.ContinueAsNew(new CoordinationCycle(cycle.ReferralId, outcome.NextDeadline));
        }
    }

    private static async Task<WakeReason> WaitForWakeAsync(TaskOrchestrationContext context, CoordinationCycle cycle)
    {
        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<ReferralChanged>(ChangedEvent, cancel.Token);
        if (cycle.NextDeadline is not { } deadline)
        {
            await changed;
            return WakeReason.Changed;
        }

        var due = context.CreateTimer(deadline.UtcDateTime, cancel.Token);
        var first = await Task.WhenAny(changed, due);
        // Cancelling the loser removes its pending timer or event wait. Synchronously: CancelAsync would continue on
        // the thread pool, off the orchestration's scheduler, and the orchestrator would never make progress.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        return first == changed ? WakeReason.Changed : WakeReason.DeadlineDue;
    }
}
