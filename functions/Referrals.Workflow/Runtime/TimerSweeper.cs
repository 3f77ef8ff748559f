using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// Fires due timers: one range query over the index buckets up to now, then per due row a read of the instance
/// partition (the timer row there is the truth), the decider's <see cref="IDecider{TState,TCommand}.OnTimer"/> and one
/// commit that also deletes the timer row. Fired and stale index rows are deleted in per-bucket batches.
/// </summary>
internal sealed class TimerSweeper<TState, TCommand>(
    TimerIndex index,
    DecisionCommitter committer,
    EffectDispatcher<TState, TCommand> dispatcher,
    IDecider<TState, TCommand> decider,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<TimerSweeper<TState, TCommand>> logger)
    where TState : class
{
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int fired = 0, stale = 0;
        await foreach (var page in index.QueryDueAsync(now, cancellationToken))
        {
            var finished = new List<(string Bucket, string RowKey)>();
            var due = new List<DueTimer>();
            foreach (var entity in page.Values)
            {
                if (TimerIndex.Parse(entity) is not { } timer)
                {
                    Log.MalformedIndexRow(logger, entity.PartitionKey, entity.RowKey);
                    finished.Add((entity.PartitionKey, entity.RowKey));
                }
                else if (timer.Timer.DueAt <= now)
                {
                    due.Add(timer);
                }
            }

            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Value.DispatchConcurrency, CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(due, parallel, async (timer, token) =>
            {
                var result = await FireAsync(timer, now, token);
                if (result is FireResult.Failed)
                {
                    return;
                }

                lock (finished)
                {
                    finished.Add((timer.Bucket, timer.RowKey));
                    _ = result == FireResult.Fired ? Interlocked.Increment(ref fired) : Interlocked.Increment(ref stale);
                }
            });

            await index.DeleteAsync(finished, cancellationToken);
        }

        return new SweepResult(fired, stale);
    }

    private async Task<FireResult> FireAsync(DueTimer due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timer = due.Timer;
        try
        {
            var isStale = false;
            var outcome = await committer.RunAsync<TState>(due.InstanceId, FirstRead.ForTimer(timer.Kind), partition =>
            {
                isStale = partition.State is null || !partition.Timers.TryGetValue(timer.Kind, out var row)
                    || !string.Equals(row.Token, timer.Token, StringComparison.Ordinal);
                if (isStale)
                {
                    return null;
                }

                partition.FireTimer(timer.Kind);
                var decision = decider.OnTimer(partition.State!, timer, now);
                if (decision.Rejection is { } rejection)
                {
                    Log.TimerRejected(logger, due.InstanceId, timer.Kind, rejection.Kind, rejection.Reason);
                }
                else
                {
                    partition.Apply(decision, now);
                }

                return null;
            }, cancellationToken);

            if (outcome.Ticket is { } ticket)
            {
                dispatcher.StartAfterCommit(outcome.Partition, ticket);
            }

            return isStale ? FireResult.Stale : FireResult.Fired;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TimerFireFailed(logger, exception, due.InstanceId, timer.Kind);
            return FireResult.Failed;
        }
    }

    private enum FireResult
    {
        Fired,
        Stale,
        Failed,
    }
}
