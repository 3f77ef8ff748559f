using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// Performs the due outbox rows of one instance through their effect handlers. Every
/// outcome of a round is recorded in one transaction: done rows are deleted together with their follow-up decisions,
/// failures are rescheduled with backoff or parked. Failures are isolated per effect.
/// </summary>
internal sealed class EffectDispatcher<TState, TCommand>(
    InstanceStore store,
    ParkedEffects parkedEffects,
    DispatchQueue queue,
    EffectHandlerRegistry handlers,
    IDecider<TState, TCommand> decider,
    IEnumerable<IParkedEffectListener<TCommand>> parkedListeners,
    InstanceLocks locks,
    DispatchTracker tracker,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<EffectDispatcher<TState, TCommand>> logger)
    where TState : class
{
    // A round's outcomes share one transaction; this keeps it far below the 100-entity limit.
    private const int MaxItemsPerRound = 16;
    private const int MaxRounds = 50;

    private readonly IParkedEffectListener<TCommand>? parkedListener = parkedListeners.FirstOrDefault();

    /// <summary>Dispatches the instance after a commit, in the background; the recovery message is deleted when
    /// nothing is left, or hidden until the next retry.</summary>
    public void StartAfterCommit(InstancePartition<TState> partition, DispatchTicket ticket) =>
        tracker.Track(async stopping =>
        {
            try
            {
                await DispatchAsync(partition.InstanceId, partition, ticket, DispatchFollowUp.UpdateTicket, stopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Log.ImmediateDispatchFailed(logger, exception, partition.InstanceId);
            }
            catch (OperationCanceledException)
            {
                // The runtime is stopping; the recovery message brings the work back.
            }
        });

    /// <param name="known">The partition as just committed, to save a read; null loads it.</param>
    /// <param name="followUp">How later work (a retry, a NotBefore) is brought back.</param>
    public async Task<DispatchResult> DispatchAsync(string instanceId, InstancePartition<TState>? known, DispatchTicket? ticket,
        DispatchFollowUp followUp, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(instanceId, cancellationToken);
        var partition = known ?? await store.LoadAsync<TState>(instanceId, cancellationToken);
        int performed = 0, retrying = 0, parked = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = time.GetUtcNow();
            var due = partition.Outbox.Values.Where(item => item.IsDue(now)).Take(MaxItemsPerRound).ToList();
            if (due.Count == 0)
            {
                break;
            }

            var state = partition.State;
            var outcomes = await Task.WhenAll(due.Select(item => PerformAsync(instanceId, item, state, cancellationToken)));
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (item, outcome) in outcomes)
            {
                if (outcome is EffectPark park)
                {
                    await parkedEffects.UpsertAsync(new ParkedEffect(instanceId, item.EffectId, item.Type, park.Reason, now), cancellationToken);
                    Log.EffectParked(logger, instanceId, item.Type, item.EffectId, item.Attempts + 1, park.Reason);
                }

                performed += outcome is EffectDone ? 1 : 0;
                retrying += outcome is EffectRetry or EffectDefer ? 1 : 0;
                parked += outcome is EffectPark ? 1 : 0;
            }

            partition = await RecordAsync(partition, outcomes, cancellationToken);
        }

        var next = partition.Outbox.Values.Where(item => !item.Parked)
            .Select(item => (DateTimeOffset?)(item.NextAttemptAt ?? time.GetUtcNow())).Min();
        // A partial partition does not see older outbox rows, so it may only bring the next due time forward.
        tracker.SetNextDue(instanceId, next, onlyEarlier: !partition.IsComplete);
        await BringBackLaterAsync(instanceId, next, ticket, followUp, cancellationToken);
        return new DispatchResult(performed, retrying, parked);
    }

    private async Task BringBackLaterAsync(string instanceId, DateTimeOffset? next, DispatchTicket? ticket, DispatchFollowUp followUp,
        CancellationToken cancellationToken)
    {
        var delay = next is { } at ? at - time.GetUtcNow() : TimeSpan.Zero;
        if (ticket is not null)
        {
            if (next is null)
            {
                await queue.DeleteAsync(ticket, cancellationToken);
                return;
            }

            if (await queue.RescheduleAsync(ticket, instanceId, delay, cancellationToken))
            {
                return;
            }
        }

        if (next is not null && followUp != DispatchFollowUp.None)
        {
            await queue.SendAsync(instanceId, delay, cancellationToken);
        }
    }

    private async Task<(OutboxItem Item, EffectOutcome Outcome)> PerformAsync(string instanceId, OutboxItem item, TState? state,
        CancellationToken cancellationToken)
    {
        var outcome = await HandleAsync(instanceId, item, state, cancellationToken);

        if (outcome is EffectRetry retry && item.Attempts + 1 >= options.Value.EffectMaxAttempts)
        {
            outcome = EffectOutcome.Park($"Gave up after {item.Attempts + 1} attempts: {retry.Reason}");
        }

        return (item, outcome);
    }

    private async Task<EffectOutcome> HandleAsync(string instanceId, OutboxItem item, TState? state, CancellationToken cancellationToken)
    {
        if (handlers.Find(item.Type) is not { } handler)
        {
            return EffectOutcome.Park($"No effect handler is registered for effect type '{item.Type}'.");
        }

        JsonElement payload;
        try
        {
            payload = JsonSerializer.Deserialize<JsonElement>(store.ProtectorForPartitions.Unprotect(item.StoredPayload ?? "null"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return EffectOutcome.Park($"The stored payload cannot be read ({exception.GetType().Name}).");
        }

        try
        {
            var context = new EffectContext(instanceId, new EffectRequest(item.Type, item.EffectId, payload, item.NextAttemptAt),
                item.Attempts, state);
            return await handler.HandleAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Only the type: a provider's message may quote personal data.
            Log.EffectHandlerThrew(logger, instanceId, item.Type, item.EffectId, exception.GetType().Name);
            return EffectOutcome.Retry($"The handler threw {exception.GetType().Name}.");
        }
    }

    /// <summary>Records a round's outcomes in one transaction, deciding follow-ups on the current state; on a
    /// concurrent write reloads and records again (rows someone else finished meanwhile are skipped).</summary>
    private async Task<InstancePartition<TState>> RecordAsync(InstancePartition<TState> partition,
        IReadOnlyList<(OutboxItem Item, EffectOutcome Outcome)> outcomes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            foreach (var (item, outcome) in outcomes)
            {
                if (!partition.Outbox.TryGetValue(item.Key, out var current) || current.Parked)
                {
                    continue;
                }

                switch (outcome)
                {
                    case EffectDone done:
                        partition.Outbox.Remove(item.Key);
                        DecideFollowUp(partition, item, done.FollowUp, now);
                        break;
                    case EffectRetry retry:
                        var delay = EffectRetryPolicy.Delay(current.Attempts + 1, options.Value.EffectRetryBaseDelay,
                            options.Value.EffectRetryMaxDelay, retry.After);
                        partition.Outbox[item.Key] = current with
                        {
                            Attempts = current.Attempts + 1, NextAttemptAt = now + delay, LastError = retry.Reason,
                        };
                        Log.EffectRetrying(logger, partition.InstanceId, item.Type, item.EffectId, current.Attempts + 1, retry.Reason, delay);
                        break;
                    case EffectDefer defer:
                        partition.Outbox[item.Key] = current with { NextAttemptAt = defer.Until, LastError = defer.Reason };
                        DecideFollowUp(partition, item, defer.FollowUp, now);
                        break;
                    case EffectPark park:
                        partition.Outbox[item.Key] = current with
                        {
                            Attempts = current.Attempts + 1, Parked = true, NextAttemptAt = null, LastError = park.Reason,
                        };
                        DecideFollowUp(partition, item,
                            park.FollowUp ?? ListenerFollowUp(item, park.Reason), now);
                        break;
                }
            }

            if (!partition.HasChanges || (partition.CanWriteState && await store.TryCommitAsync(partition, cancellationToken)))
            {
                return partition;
            }

            if (attempt > options.Value.MaxConflictRetries)
            {
                throw new InvalidOperationException(
                    $"Workflow instance '{partition.InstanceId}' kept changing concurrently while recording effect outcomes.");
            }

            Log.ConflictRetry(logger, partition.InstanceId, attempt);
            await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            partition = await store.LoadAsync<TState>(partition.InstanceId, cancellationToken);
        }
    }

    private object? ListenerFollowUp(OutboxItem item, string reason) =>
        parkedListener is null ? null : parkedListener.OnEffectParked(item.EffectId, item.Type, reason);

    private void DecideFollowUp(InstancePartition<TState> partition, OutboxItem item, object? followUp, DateTimeOffset now)
    {
        if (followUp is null)
        {
            return;
        }

        if (followUp is not TCommand command)
        {
            Log.FollowUpNotACommand(logger, partition.InstanceId, item.EffectId, followUp.GetType().Name);
            return;
        }

        var decision = decider.Decide(partition.State, command, now);
        if (decision.Rejection is { } rejection)
        {
            Log.FollowUpRejected(logger, partition.InstanceId, item.EffectId, rejection.Kind, rejection.Reason);
            return;
        }

        partition.Apply(decision, now);
    }
}

/// <summary>How a dispatch brings back work that is due later.</summary>
internal enum DispatchFollowUp
{
    /// <summary>Nothing: a queue message for this instance already exists (in-process catch-up).</summary>
    None,

    /// <summary>Hide the recovery message until then (or send a new one if it is gone).</summary>
    UpdateTicket,

    /// <summary>Send a new delayed message (the current one is deleted by whoever delivered it).</summary>
    SendMessage,
}
