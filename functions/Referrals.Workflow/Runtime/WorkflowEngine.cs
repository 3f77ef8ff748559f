using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>The trigger-facing side of the runtime: dispatch messages, sweeps, parked effects.</summary>
internal sealed class WorkflowEngine<TState, TCommand>(
    InstanceStore store,
    DispatchQueue queue,
    ParkedEffects parkedEffects,
    EffectDispatcher<TState, TCommand> dispatcher,
    TimerSweeper<TState, TCommand> sweeper,
    DispatchTracker tracker,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<WorkflowEngine<TState, TCommand>> logger) : IWorkflowEngine, IReceivedMessageHandler, IWorkflowCatchUp
    where TState : class
{
    private const int MaxIdleRounds = 1000;

    public Task<DispatchResult> DispatchAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        return dispatcher.DispatchAsync(instanceId, null, null, DispatchFollowUp.SendMessage, cancellationToken);
    }

    public async Task<DispatchResult> DispatchMessageAsync(string messageText, CancellationToken cancellationToken)
    {
        if (DispatchQueue.Parse(messageText, out var problem) is not { } instanceId)
        {
            return new DispatchResult(0, 0, 0, $"Not a dispatch message: {problem}.");
        }

        return await dispatcher.DispatchAsync(instanceId, null, null, DispatchFollowUp.SendMessage, cancellationToken);
    }

    public Task<SweepResult> SweepAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);

    public Task CatchUpAsync(CancellationToken cancellationToken) => RunUntilIdleAsync(cancellationToken);

    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxIdleRounds; round++)
        {
            await tracker.WhenIdleAsync(cancellationToken);
            var sweep = await SweepAsync(cancellationToken);
            var handled = await DrainVisibleMessagesAsync(cancellationToken);
            var caughtUp = 0;
            foreach (var instanceId in tracker.DueBy(time.GetUtcNow()))
            {
                await dispatcher.DispatchAsync(instanceId, null, null, DispatchFollowUp.None, cancellationToken);
                caughtUp++;
            }

            if (sweep.Fired + sweep.Stale + handled + caughtUp == 0 && tracker.InFlight == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The workflow did not become idle within {MaxIdleRounds} rounds.");
    }

    /// <summary>Handles one received dispatch message: poison when it is garbage or was delivered too often,
    /// deleted once dispatched, left for redelivery when dispatching failed.</summary>
    public async Task<bool> HandleReceivedAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > options.Value.MaxDequeueCount)
        {
            Log.MessagePoisoned(logger, message.MessageId, message.DequeueCount, "delivered too often");
            await queue.MoveToPoisonAsync(message, cancellationToken);
            return true;
        }

        var text = message.Body?.ToString();
        if (DispatchQueue.Parse(text, out var problem) is not { } instanceId)
        {
            Log.MessagePoisoned(logger, message.MessageId, message.DequeueCount, problem ?? "unreadable");
            await queue.MoveToPoisonAsync(message, cancellationToken);
            return true;
        }

        try
        {
            await dispatcher.DispatchAsync(instanceId, null, null, DispatchFollowUp.SendMessage, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.DispatchFailed(logger, exception, instanceId);
            return false;
        }

        await queue.DeleteReceivedAsync(message, cancellationToken);
        return true;
    }

    private async Task<int> DrainVisibleMessagesAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var messages = await queue.ReceiveAsync(32, options.Value.DispatchVisibilityTimeout, cancellationToken);
            if (messages.Length == 0)
            {
                return handled;
            }

            foreach (var message in messages)
            {
                handled += await HandleReceivedAsync(message, cancellationToken) ? 1 : 0;
            }
        }
    }

    public Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken) =>
        parkedEffects.ListAsync(cancellationToken);

    public async Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        RowKeys.ValidateEffectId(effectId);
        var key = RowKeys.Outbox(effectId);
        for (var attempt = 1; attempt <= options.Value.MaxConflictRetries + 1; attempt++)
        {
            var partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
            if (!partition.Outbox.TryGetValue(key, out var item) || !item.Parked)
            {
                await parkedEffects.DeleteAsync(instanceId, effectId, cancellationToken);
                return false;
            }

            var now = time.GetUtcNow();
            partition.Outbox[key] = item with { Parked = false, Attempts = 0, NextAttemptAt = now };
            if (await store.TryCommitAsync(partition, cancellationToken))
            {
                await queue.SendAsync(instanceId, TimeSpan.Zero, cancellationToken);
                tracker.SetNextDue(instanceId, now);
                await parkedEffects.DeleteAsync(instanceId, effectId, cancellationToken);
                return true;
            }
        }

        throw new InvalidOperationException($"Workflow instance '{instanceId}' kept changing concurrently; the parked effect was not retried.");
    }
}
