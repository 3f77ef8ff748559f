using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// Decide, then commit as one transaction conditional on the state row's ETag; on a concurrent write reload and
/// decide again, a bounded number of times. A commit that adds outbox work is preceded by a hidden dispatch message
/// (the recovery message), so a crash right after the commit cannot strand its effects; the index rows of the timers
/// it sets are written at the same time.
/// </summary>
internal sealed class DecisionCommitter(
    InstanceStore store,
    DispatchQueue queue,
    IOptions<WorkflowOptions> options,
    ILogger<DecisionCommitter> logger)
{
    /// <param name="firstRead">What to read before the first decision. <see cref="FirstRead.AssumeNew"/> reads
    /// nothing, so a new instance's first commit costs one request; <see cref="FirstRead.ForTimer"/> reads the state
    /// row and one timer row. When that partial view leads to a rejection or a conflict, the whole partition is
    /// loaded and the decision made again.</param>
    /// <param name="decide">Applies the decision to the partition; returns a rejection, or null.</param>
    public async Task<CommitOutcome<TState>> RunAsync<TState>(string instanceId, FirstRead firstRead,
        Func<InstancePartition<TState>, Rejection?> decide, CancellationToken cancellationToken)
        where TState : class
    {
        // Neither first read is the whole partition; it is loaded only when a decision needs it.
        var partition = firstRead.TimerKind is { } kind
            ? await store.LoadForTimerAsync<TState>(instanceId, kind, cancellationToken)
            : InstancePartition<TState>.New(instanceId, store.ProtectorForPartitions);
        var loaded = false;
        DispatchTicket? ticket = null;
        for (var attempt = 1; ; attempt++)
        {
            var rejection = decide(partition);
            if (rejection is not null && !loaded)
            {
                partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
                loaded = true;
                continue;
            }

            if (rejection is not null || !partition.HasChanges)
            {
                await ForgetAsync(ticket, cancellationToken);
                return new CommitOutcome<TState>(partition, rejection, null);
            }

            var addsWork = partition.AddsOutboxWork;
            var indexing = store.IndexTimersAsync(partition, cancellationToken);
            if (addsWork && ticket is null)
            {
                var sending = queue.SendAsync(instanceId, options.Value.DispatchRecoveryDelay, cancellationToken);
                await Task.WhenAll(indexing, sending);
                ticket = await sending;
            }
            else
            {
                await indexing;
            }

            if (partition.CanWriteState && await store.TryCommitAsync(partition, cancellationToken))
            {
                if (!addsWork)
                {
                    await ForgetAsync(ticket, cancellationToken);
                    ticket = null;
                }

                return new CommitOutcome<TState>(partition, null, ticket);
            }

            if (attempt > options.Value.MaxConflictRetries)
            {
                await ForgetAsync(ticket, cancellationToken);
                throw new InvalidOperationException(
                    $"Workflow instance '{instanceId}' kept changing concurrently; gave up after {attempt} attempts.");
            }

            Log.ConflictRetry(logger, instanceId, attempt);
            await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
            loaded = true;
        }
    }

    private async Task ForgetAsync(DispatchTicket? ticket, CancellationToken cancellationToken)
    {
        if (ticket is not null)
        {
            await queue.DeleteAsync(ticket, cancellationToken);
        }
    }
}

/// <summary>What <see cref="DecisionCommitter.RunAsync"/> reads before deciding the first time.</summary>
internal readonly record struct FirstRead(string? TimerKind)
{
    /// <summary>Nothing: a new instance.</summary>
    public static FirstRead AssumeNew => default;

    /// <summary>The state row and the named timer's row (two point reads).</summary>
    public static FirstRead ForTimer(string kind) => new(kind);
}

/// <summary>What a decide-and-commit produced: the partition as stored, a rejection, and the recovery message of a
/// commit that added outbox work (null otherwise).</summary>
internal sealed record CommitOutcome<TState>(InstancePartition<TState> Partition, Rejection? Rejection, DispatchTicket? Ticket)
    where TState : class;
