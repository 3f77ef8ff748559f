using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// Decide, then commit as one transaction conditional on the state row's ETag; on a concurrent write reload and
/// decide again, a bounded number of times. Before a commit that adds effects, a wake marker is written to
/// the index first: if the process dies after the commit and before the coordinator is woken, the safety sweep finds
/// the marker and wakes it. The index rows of the timers the commit sets are written before it, too.
/// </summary>
internal sealed class DecisionCommitter(
    InstanceStore store,
    TimerIndex index,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<DecisionCommitter> logger)
{
    /// <summary>The first decision is made blind, as for a new instance, so a new instance's first commit costs one
    /// request; when that leads to a rejection or a conflict, the whole partition is loaded and the decision made
    /// again. A commit that adds effects is guarded by a wake marker, which the caller deletes once it has woken the
    /// coordinator.</summary>
    /// <param name="decide">Applies the decision to the partition; returns a rejection, or null.</param>
    public async Task<CommitOutcome<TState>> RunAsync<TState>(string instanceId,
        Func<InstancePartition<TState>, Rejection?> decide, CancellationToken cancellationToken)
        where TState : class
    {
        var loaded = false;
        var partition = InstancePartition<TState>.New(instanceId, store.ProtectorForPartitions);
        var existed = partition.Exists;
        DueTimer? marker = null;
        // Counts commit attempts only: reloading after a blind decision was rejected is no concurrent write.
        var attempt = 0;
        while (true)
        {
            Rejection? rejection;
            try
            {
                rejection = decide(partition);
            }
            catch (Exception) when (marker is not null)
            {
                // Deciding again after a conflict threw (the decider, or a decision the partition refuses): nothing
                // of it was committed, so its marker guards nothing. (A commit that throws may still have happened,
                // so its marker stays.)
                await ForgetQuietlyAsync(marker);
                throw;
            }

            if (rejection is not null && !loaded)
            {
                partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
                existed = partition.Exists;
                loaded = true;
                continue;
            }

            if (rejection is not null || !partition.HasChanges)
            {
                await ForgetAsync(marker, cancellationToken);
                return new CommitOutcome<TState>(partition, rejection, null, existed, ChangesWork: false, ChangesTimers: false, [], []);
            }

            attempt++;
            var addsWork = partition.AddsOutboxWork;
            var changesTimers = partition.ChangesTimers;
            // Read before the commit, which makes the added rows the stored ones.
            var now = time.GetUtcNow();
            var added = partition.AddedOutbox.OrderBy(item => item.Key, StringComparer.Ordinal).ToList();
            var dueEffectIds = added.Where(item => item.IsDue(now)).Select(item => item.EffectId).ToList();
            var indexing = store.IndexTimersAsync(partition, cancellationToken);
            if (addsWork && marker is null)
            {
                var marking = index.AddWakeMarkerAsync(instanceId, time.GetUtcNow() + options.Value.WakeGrace, cancellationToken);
                await Task.WhenAll(indexing, marking);
                marker = await marking;
            }
            else
            {
                await indexing;
            }

            if (partition.CanWriteState && await store.TryCommitAsync(partition, cancellationToken))
            {
                if (!addsWork)
                {
                    await ForgetAsync(marker, cancellationToken);
                    marker = null;
                }

                return new CommitOutcome<TState>(partition, null, marker, existed, addsWork || changesTimers, changesTimers,
                    dueEffectIds, [.. added.Select(item => new AddedEffect(item.EffectId, item.Type, item.IsDue(now)))]);
            }

            if (attempt > options.Value.MaxConflictRetries)
            {
                await ForgetAsync(marker, cancellationToken);
                throw new InvalidOperationException(
                    $"Workflow instance '{instanceId}' kept changing concurrently; gave up after {attempt} attempts.");
            }

            Log.ConflictRetry(logger, instanceId, attempt);
            await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
            existed = partition.Exists;
            loaded = true;
        }
    }

    /// <summary>Deletes a wake marker once the coordinator was woken (or the commit it guarded did not happen).</summary>
    public Task ForgetAsync(DueTimer? marker, CancellationToken cancellationToken) =>
        marker is null ? Task.CompletedTask : index.DeleteAsync([(marker.Bucket, marker.RowKey)], cancellationToken);

    /// <summary>Best effort while another exception is on its way out: a marker left behind is only a hint, which
    /// the sweep deletes once it finds nothing undone behind it.</summary>
    private async Task ForgetQuietlyAsync(DueTimer marker)
    {
        try
        {
            await ForgetAsync(marker, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.MarkerNotDeleted(logger, exception, marker.InstanceId);
        }
    }
}

/// <summary>What a decide-and-commit produced: the partition as stored, a rejection, the wake marker of a guarded
/// commit that added effects (null otherwise), whether the instance existed before, whether the commit changed
/// work the coordinator must look at (effects added, timers set or cancelled), whether it changed timers, the ids of
/// the effects it added that are due now (the coordinator performs those first), and every effect it added.</summary>
internal sealed record CommitOutcome<TState>(InstancePartition<TState> Partition, Rejection? Rejection, DueTimer? Marker,
    bool Existed, bool ChangesWork, bool ChangesTimers, IReadOnlyList<string> DueEffectIds, IReadOnlyList<AddedEffect> AddedEffects)
    where TState : class;

/// <summary>An effect a commit added: its id, its type, and whether it was due at once.</summary>
internal sealed record AddedEffect(string Id, string Type, bool Due);
