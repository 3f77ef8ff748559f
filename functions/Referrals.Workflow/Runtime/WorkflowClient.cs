using Microsoft.Extensions.Logging;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>Decides and commits commands, then wakes the instance's coordinator; reads instances.</summary>
internal sealed class WorkflowClient<TState, TCommand>(
    DecisionCommitter committer,
    IDecider<TState, TCommand> decider,
    WorkflowReader<TState> reader,
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
    /// the sweep.</summary>
    private async Task WakeAsync(string instanceId, CommitOutcome<TState> outcome, CancellationToken cancellationToken)
    {
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

    public Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetAsync(instanceId, cancellationToken);

    public Task<WorkflowTimeline<TState>?> GetTimelineAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetTimelineAsync(instanceId, cancellationToken);

    public Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetStateAsync(instanceId, cancellationToken);
}
