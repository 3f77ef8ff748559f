using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// The coordinator's steps over the instance partition. Each step loads the partition, decides, and commits one
/// transaction conditional on the state row's ETag, reloading on a concurrent write, so a step run twice or beside a
/// command does no harm. Effects are performed one per call, so one failing effect never holds up another.
/// </summary>
internal sealed class WorkflowCoordination<TState, TCommand>(
    InstanceStore store,
    TimerIndex index,
    ParkedEffects parkedEffects,
    EffectHandlerRegistry handlers,
    IDecider<TState, TCommand> decider,
    IEnumerable<IParkedEffectListener<TCommand>> parkedListeners,
    IInstanceWaker waker,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<WorkflowCoordination<TState, TCommand>> logger) : IWorkflowCoordination
    where TState : class
{
    // A decision may set a timer that is already due; this bounds a decider that keeps doing so.
    private const int MaxTimerRounds = 100;

    private static readonly IReadOnlySet<string> s_none = new HashSet<string>();

    private readonly IParkedEffectListener<TCommand>? _parkedListener = parkedListeners.FirstOrDefault();

    public async Task<DueWork> ApplyDueAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        var now = time.GetUtcNow();
        var tolerance = options.Value.EarlyTimerTolerance;
        IReadOnlyList<string> inline = [];
        var partition = await CommitWithRetryAsync(instanceId, partition =>
        {
            FireDueTimers(partition);
            inline = AddedInlineEffects(partition, now);
        }, cancellationToken);

        // A read model the fired deadlines changed is written here rather than in an activity of its own.
        var inlineDone = await PerformInlineAsync(instanceId, inline, cancellationToken);
        var due = partition.Outbox.Values.Where(item => item.IsDue(now) && !inlineDone.Contains(item.EffectId))
            .OrderBy(item => item.Key, StringComparer.Ordinal)
            .Select(item => new DueEffect(item.EffectId, item.Type)).ToList();
        var next = partition.Timers.Values.Select(t => (DateTimeOffset?)t.DueAt)
            .Concat(partition.Outbox.Values.Where(item => !item.Parked && !item.IsDue(now)).Select(item => item.NextAttemptAt))
            .Min();
        return new DueWork(due, next, now, partition.Version, partition.Exists);

        void FireDueTimers(InstancePartition<TState> partition)
        {
            if (partition.State is null)
            {
                return;
            }

            for (var round = 0; round < MaxTimerRounds; round++)
            {
                var timer = partition.Timers.Values.Where(t => t.DueAt <= now + tolerance)
                    .OrderBy(t => t.DueAt).ThenBy(t => t.Kind, StringComparer.Ordinal).FirstOrDefault();
                if (timer is null)
                {
                    return;
                }

                // A durable timer may fire a moment early; the deadline is what the decision is about.
                var at = timer.DueAt > now ? timer.DueAt : now;
                partition.FireTimer(timer.Kind);
                var decision = decider.OnTimer(partition.State!, new TimerElapsed(timer.Kind, timer.Token, timer.DueAt), at);
                if (decision.Rejection is { } rejection)
                {
                    Log.TimerRejected(logger, instanceId, timer.Kind, rejection.Kind, rejection.Reason);
                }
                else
                {
                    partition.Apply(decision, at);
                }
            }
        }
    }

    public Task<EffectStep> PerformEffectAsync(string instanceId, string effectId, CancellationToken cancellationToken) =>
        PerformAsync(instanceId, effectId, performFollowUpsInline: true, cancellationToken);

    /// <summary>Performs one effect; with <paramref name="performFollowUpsInline"/>, also the inline effects its
    /// follow-up decision added (one level: theirs are left to the coordinator).</summary>
    private async Task<EffectStep> PerformAsync(string instanceId, string effectId, bool performFollowUpsInline,
        CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        RowKeys.ValidateEffectId(effectId);
        var key = RowKeys.Outbox(effectId);
        // Two point reads, not the partition query: Azurite answers a query by scanning the whole table.
        var partition = await store.LoadForEffectAsync<TState>(instanceId, effectId, cancellationToken);
        if (!partition.Outbox.TryGetValue(key, out var item))
        {
            return new EffectStep(EffectStepKind.Gone);
        }

        if (item.Parked)
        {
            await EnsureListedAsync(instanceId, item, cancellationToken);
            return new EffectStep(EffectStepKind.Parked, Reason: item.LastError);
        }

        if (!item.IsDue(time.GetUtcNow()))
        {
            return new EffectStep(EffectStepKind.Waiting, item.NextAttemptAt);
        }

        var outcome = await HandleAsync(instanceId, item, partition.State, cancellationToken);
        if (outcome is EffectRetry { After: null } failed)
        {
            return new EffectStep(EffectStepKind.Failed, Reason: failed.Reason);
        }

        var (step, inline) = await RecordAsync(partition, item, outcome, cancellationToken);
        if (performFollowUpsInline)
        {
            await PerformInlineAsync(instanceId, inline, cancellationToken);
        }

        return step;
    }

    /// <summary>Performs inline effects (<see cref="IEffectHandler.PerformsInline"/>) that a commit just added, one
    /// after another, and answers the ids of those now done. One not done (a transient failure, an exception) stays
    /// due for the coordinator, which performs it with its retry policy.</summary>
    private async Task<IReadOnlySet<string>> PerformInlineAsync(string instanceId, IReadOnlyList<string> effectIds,
        CancellationToken cancellationToken)
    {
        if (effectIds.Count == 0)
        {
            return s_none;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effectId in effectIds)
        {
            try
            {
                var step = await PerformAsync(instanceId, effectId, performFollowUpsInline: false, cancellationToken);
                if (step.Kind is EffectStepKind.Done or EffectStepKind.Gone)
                {
                    done.Add(effectId);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.InlineEffectLeft(logger, instanceId, effectId, exception.GetType().Name);
            }
        }

        return done;
    }

    /// <summary>The inline effects the pending change adds that are due now.</summary>
    private List<string> AddedInlineEffects(InstancePartition<TState> partition, DateTimeOffset now) =>
        [.. partition.AddedOutbox.Where(item => item.IsDue(now) && handlers.PerformsInline(item.Type))
            .OrderBy(item => item.Key, StringComparer.Ordinal).Select(item => item.EffectId)];

    public async Task<EffectStep> GiveUpAttemptsAsync(string instanceId, string effectId, int attempts, string reason,
        CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        RowKeys.ValidateEffectId(effectId);
        var partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
        if (!partition.Outbox.TryGetValue(RowKeys.Outbox(effectId), out var item))
        {
            return new EffectStep(EffectStepKind.Gone);
        }

        var (step, _) = await RecordAsync(partition, item with { Attempts = item.Attempts + Math.Max(0, attempts - 1) },
            EffectOutcome.Retry(reason), cancellationToken);
        return step;
    }

    public async Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var rows = await ReadIndexAsync(dueBy, cancellationToken);
        var wake = new List<string>();
        var finished = new List<(string Bucket, string RowKey)>(rows.Malformed);
        foreach (var instance in rows.Due.GroupBy(row => row.InstanceId, StringComparer.Ordinal))
        {
            InstancePartition<TState> partition;
            try
            {
                partition = await store.LoadAsync<TState>(instance.Key, cancellationToken);
            }
            catch (WorkflowStateUnreadableException exception)
            {
                Log.UnreadableInstance(logger, instance.Key, exception.Message);
                continue;
            }

            var undone = instance.Where(row => IsUndone(partition, row.Timer, dueBy)).ToList();
            finished.AddRange(instance.Except(undone).Select(row => (row.Bucket, row.RowKey)));
            if (undone.Count > 0)
            {
                wake.Add(instance.Key);
            }
        }

        await index.DeleteAsync(finished, cancellationToken);
        return wake;
    }

    public async Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var rows = await ReadIndexAsync(dueBy, cancellationToken);
        return rows.Due.Select(row => row.InstanceId).Distinct(StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken) =>
        parkedEffects.ListAsync(cancellationToken);

    public async Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        RowKeys.ValidateEffectId(effectId);
        var key = RowKeys.Outbox(effectId);
        var found = false;
        DueTimer? marker = null;
        // Like a command adding an effect: a wake marker first, so a wake-up that fails after the commit leaves
        // something the sweep finds (the effect, due again, has no index row of its own).
        await CommitWithRetryAsync(instanceId, partition =>
        {
            found = partition.Outbox.TryGetValue(key, out var item) && item.Parked;
            if (found)
            {
                partition.Outbox[key] = item! with { Parked = false, Attempts = 0, NextAttemptAt = null };
            }
        }, cancellationToken, beforeCommit: async () => marker ??= await index.AddWakeMarkerAsync(instanceId,
            time.GetUtcNow() + options.Value.WakeGrace, cancellationToken));

        await parkedEffects.DeleteAsync(instanceId, effectId, cancellationToken);
        if (found)
        {
            try
            {
                await waker.EnsureRunningAsync(instanceId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The retry is committed; the marker stays for the sweep.
                Log.WakeFailed(logger, exception, instanceId);
                return true;
            }
        }

        if (marker is not null)
        {
            try
            {
                await index.DeleteAsync([(marker.Bucket, marker.RowKey)], cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.MarkerNotDeleted(logger, exception, instanceId);
            }
        }

        return found;
    }

    private static bool IsUndone(InstancePartition<TState> partition, TimerElapsed row, DateTimeOffset dueBy) => row.Kind switch
    {
        TimerIndex.WakeKind => partition.Outbox.Values.Any(item => item.IsDue(dueBy)),
        TimerIndex.EffectKind => partition.Outbox.TryGetValue(RowKeys.Outbox(row.Token), out var item) && item.IsDue(dueBy),
        _ => partition.Timers.TryGetValue(row.Kind, out var timer) && timer.Token == row.Token && timer.DueAt <= dueBy,
    };

    private async Task<(List<DueTimer> Due, List<(string Bucket, string RowKey)> Malformed)> ReadIndexAsync(
        DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var due = new List<DueTimer>();
        var malformed = new List<(string Bucket, string RowKey)>();
        await foreach (var page in index.QueryDueAsync(dueBy, cancellationToken))
        {
            foreach (var entity in page.Values)
            {
                if (TimerIndex.Parse(entity) is not { } row)
                {
                    Log.MalformedIndexRow(logger, entity.PartitionKey, entity.RowKey);
                    malformed.Add((entity.PartitionKey, entity.RowKey));
                }
                else if (row.Timer.DueAt <= dueBy)
                {
                    due.Add(row);
                }
            }
        }

        return (due, malformed);
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

    /// <summary>Records one effect's outcome with its follow-up decision, on the current state; a row someone else
    /// finished meanwhile is left alone. Answers the step and the ids of the inline effects the follow-up added.</summary>
    private async Task<(EffectStep Step, IReadOnlyList<string> Inline)> RecordAsync(InstancePartition<TState> loaded,
        OutboxItem performed, EffectOutcome outcome, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        EffectStep step = new(EffectStepKind.Gone);
        IReadOnlyList<string> inline = [];
        ParkedEffect? parked = null;
        OutboxItem? parkedBefore = null;
        await CommitWithRetryAsync(loaded.InstanceId, partition =>
        {
            parked = null;
            parkedBefore = null;
            inline = [];
            step = new EffectStep(EffectStepKind.Gone);
            if (!partition.Outbox.TryGetValue(performed.Key, out var current))
            {
                return;
            }

            if (current.Parked)
            {
                // Parked meanwhile (another cycle gave up on it, or this step ran before and died before listing
                // it): still there, and left as it is.
                parkedBefore = current;
                step = new EffectStep(EffectStepKind.Parked, Reason: current.LastError);
                return;
            }

            var now = time.GetUtcNow();
            var attempts = Math.Max(current.Attempts, performed.Attempts) + 1;
            if (outcome is EffectRetry exhausted && attempts >= settings.EffectMaxAttempts)
            {
                outcome = EffectOutcome.Park($"Gave up after {attempts} attempts: {exhausted.Reason}");
            }

            switch (outcome)
            {
                case EffectDone done:
                    partition.Outbox.Remove(performed.Key);
                    DecideFollowUp(partition, performed, done.FollowUp, now);
                    step = new EffectStep(EffectStepKind.Done);
                    break;
                case EffectRetry retry:
                    var delay = EffectRetryPolicy.Delay(attempts, settings.EffectRetryBaseDelay, settings.EffectRetryMaxDelay, retry.After);
                    partition.Outbox[performed.Key] = current with
                    {
                        Attempts = attempts, NextAttemptAt = now + delay, LastError = retry.Reason,
                    };
                    Log.EffectRetrying(logger, partition.InstanceId, performed.Type, performed.EffectId, attempts, retry.Reason, delay);
                    step = new EffectStep(EffectStepKind.Waiting, now + delay, retry.Reason);
                    break;
                case EffectDefer defer:
                    partition.Outbox[performed.Key] = current with { NextAttemptAt = defer.Until, LastError = defer.Reason };
                    DecideFollowUp(partition, performed, defer.FollowUp, now);
                    Log.EffectWaiting(logger, partition.InstanceId, performed.Type, performed.EffectId, defer.Until, defer.Reason);
                    step = new EffectStep(EffectStepKind.Waiting, defer.Until, defer.Reason);
                    break;
                case EffectPark park:
                    partition.Outbox[performed.Key] = current with
                    {
                        Attempts = attempts, Parked = true, NextAttemptAt = null, LastError = park.Reason,
                    };
                    DecideFollowUp(partition, performed, park.FollowUp ?? ListenerFollowUp(performed, park.Reason), now);
                    parked = new ParkedEffect(partition.InstanceId, performed.EffectId, performed.Type, park.Reason, now);
                    step = new EffectStep(EffectStepKind.Parked, Reason: park.Reason);
                    break;
            }

            inline = AddedInlineEffects(partition, now);
        }, cancellationToken, loaded, beforeCommit: () => step is { Kind: EffectStepKind.Waiting, Until: { } until }
            ? index.UpsertAsync(loaded.InstanceId, new ScheduledTimer(TimerIndex.EffectKind, until, performed.EffectId), cancellationToken)
            : Task.CompletedTask);

        if (parked is not null)
        {
            await parkedEffects.UpsertAsync(parked, cancellationToken);
            Log.EffectParked(logger, parked.InstanceId, parked.Type, parked.EffectId, performed.Attempts + 1, parked.Reason);
        }
        else if (parkedBefore is not null)
        {
            await EnsureListedAsync(loaded.InstanceId, parkedBefore, cancellationToken);
        }

        return (step, inline);
    }

    /// <summary>The operator's row of a parked effect is written after the commit that parked it, so a step that
    /// died in between left the effect parked but unlisted; the engine runs that step again, and it lands here.</summary>
    private Task EnsureListedAsync(string instanceId, OutboxItem item, CancellationToken cancellationToken) =>
        parkedEffects.AddIfMissingAsync(
            new ParkedEffect(instanceId, item.EffectId, item.Type, item.LastError ?? "", time.GetUtcNow()), cancellationToken);

    /// <summary>Loads (unless given), changes and commits, reloading and changing again on a concurrent write.
    /// <paramref name="beforeCommit"/> writes what must exist before the commit does (an effect left waiting gets an
    /// index row, so the sweep and the development clock can find it).</summary>
    private async Task<InstancePartition<TState>> CommitWithRetryAsync(string instanceId, Action<InstancePartition<TState>> change,
        CancellationToken cancellationToken, InstancePartition<TState>? loaded = null, Func<Task>? beforeCommit = null)
    {
        var partition = loaded ?? await store.LoadAsync<TState>(instanceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            change(partition);
            if (!partition.HasChanges)
            {
                return partition;
            }

            if (beforeCommit is not null)
            {
                await beforeCommit();
            }

            if (partition.CanWriteState && await store.TryCommitAsync(partition, cancellationToken))
            {
                return partition;
            }

            if (attempt > options.Value.MaxConflictRetries)
            {
                throw new InvalidOperationException(
                    $"Workflow instance '{instanceId}' kept changing concurrently; gave up after {attempt} attempts.");
            }

            Log.ConflictRetry(logger, instanceId, attempt);
            await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
        }
    }

    private object? ListenerFollowUp(OutboxItem item, string reason) =>
        _parkedListener is null ? null : _parkedListener.OnEffectParked(item.EffectId, item.Type, reason);

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
