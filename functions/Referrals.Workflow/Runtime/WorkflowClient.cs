using Microsoft.Extensions.Logging;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>Decides and commits commands, then performs the inline effects they added or wakes the instance's
/// coordinator; reads instances.</summary>
internal sealed class WorkflowClient<TState, TCommand>(
    DecisionCommitter committer,
    IDecider<TState, TCommand> decider,
    WorkflowReader<TState> reader,
    EffectHandlerRegistry handlers,
    IWorkflowCoordination coordination,
    IInstanceWaker waker,
    PendingWakeUps wakeUps,
    TimeProvider time,
    ILogger<WorkflowClient<TState, TCommand>> logger) : IWorkflowClient<TState, TCommand>
    where TState : class
{
    public async Task<CommandResult<TState>> ExecuteAsync(string instanceId, TCommand command, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await committer.RunAsync<TState>(instanceId, partition =>
        {
            var now = time.GetUtcNow();
            var decision = decider.Decide(partition.State, command, now);
            if (decision.Rejection is { } rejection)
            {
                return rejection;
            }

            partition.Apply(decision, now);
            return null;
        }, cancellationToken);

        var result = new CommandResult<TState>(outcome.Partition.State, outcome.Partition.Version, outcome.Rejection);
        if (outcome.Rejection is null && (outcome.ChangesWork || !outcome.Existed))
        {
            // The answer does not wait on the engine. The wake-up's first steps (up to its first I/O) run here, so
            // whoever waits for woken instances to settle knows of it before the caller has its answer.
            wakeUps.Track(WakeAsync(instanceId, outcome, wakeUps.Abandoned));
        }

        return result;
    }

    /// <summary>The decision is committed whatever happens here: a failed or abandoned wake-up leaves the marker for
    /// the sweep. A commit whose only new work is inline effects due now (a read model after an SMS delivery report)
    /// performs them here and wakes nobody, which spares the coordinator a whole cycle; if one is not done, the
    /// coordinator is woken as for any effect.</summary>
    private async Task WakeAsync(string instanceId, CommitOutcome<TState> outcome, CancellationToken cancellationToken)
    {
        try
        {
            if (OnlyInlineWork(outcome) && await PerformInlineAsync(instanceId, outcome.DueEffectIds, cancellationToken))
            {
                await committer.ForgetAsync(outcome.Marker, cancellationToken);
                return;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The coordinator is woken below and performs what is left; the marker stays until it is.
            Log.InlineEffectLeft(logger, instanceId, string.Join(',', outcome.DueEffectIds), exception.GetType().Name);
        }

        try
        {
            if (outcome.Existed)
            {
                await waker.WakeAsync(instanceId, outcome.Partition.Version, outcome.DueEffectIds, cancellationToken);
            }
            else
            {
                await waker.StartAsync(instanceId, outcome.Partition.Version, outcome.DueEffectIds, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.WakeFailed(logger, exception, instanceId);
            return;
        }

        try
        {
            await committer.ForgetAsync(outcome.Marker, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Harmless: the sweep finds nothing undone behind the marker and deletes it.
            Log.MarkerNotDeleted(logger, exception, instanceId);
        }
    }

    /// <summary>An existing instance, no timer changed, and every added effect due now and inline: the coordinator
    /// has nothing to learn from this commit once those are done.</summary>
    private bool OnlyInlineWork(CommitOutcome<TState> outcome) =>
        outcome.Existed && !outcome.ChangesTimers && outcome.AddedEffects.Count > 0
        && outcome.AddedEffects.All(effect => effect.Due && handlers.PerformsInline(effect.Type));

    /// <summary>Performs the effects through the coordinator's own step; true when every one is done.</summary>
    private async Task<bool> PerformInlineAsync(string instanceId, IReadOnlyList<string> effectIds, CancellationToken cancellationToken)
    {
        foreach (var effectId in effectIds)
        {
            var step = await coordination.PerformEffectAsync(instanceId, effectId, cancellationToken);
            if (step.Kind is not (EffectStepKind.Done or EffectStepKind.Gone))
            {
                return false;
            }
        }

        return true;
    }

    public Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetAsync(instanceId, cancellationToken);

    public Task<WorkflowTimeline<TState>?> GetTimelineAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetTimelineAsync(instanceId, cancellationToken);

    public Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetStateAsync(instanceId, cancellationToken);
}
