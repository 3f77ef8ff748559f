using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>
/// One orchestration per referral (instance id = referral id). A cycle sleeps on a durable timer until the next
/// deadline, or until a committed change raises <see cref="ChangedEvent"/>; then it performs the effects the change
/// announced as due (a new coordinator: those its start input names), applies what is due and performs the due
/// effects, each with a Durable retry policy and in parallel, so one failing effect holds up no other; then it
/// continues as new, so a referral that lives a year keeps a short history. The referral itself lives in Table
/// Storage; this orchestration only carries ids and times. Replay-safe: time comes only from the context, and all
/// I/O happens in activities. It never fails: a step that keeps failing makes the cycle wait and try again.
/// </summary>
public static partial class ReferralCoordinator
{
    public const string FunctionName = "ReferralCoordinator";

    /// <summary>The external event a committed change raises to wake the coordinator.</summary>
    public const string ChangedEvent = "ReferralChanged";

    // Effects may cause follow-up effects (a sent SMS updates the read models); this bounds one cycle.
    private const int MaxRoundsPerCycle = 20;

    private const int MaxBufferedChanges = 100;

    // Storage steps that still fail after their retries (storage down) are tried again after this long.
    private static readonly TimeSpan StepFailureWait = TimeSpan.FromSeconds(30);

    // Web defaults: case-insensitive names, whichever casing the client's serializer wrote.
    private static readonly JsonSerializerOptions s_eventJson = new(JsonSerializerDefaults.Web);

    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(FunctionName)]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var referralId = context.InstanceId;
        CoordinationCycle cycle;
        try
        {
            cycle = context.GetInput<CoordinationCycle>() ?? new CoordinationCycle(Sleep: false, WakeAt: null);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            UnusableInput(context.CreateReplaySafeLogger(typeof(ReferralCoordinator)), referralId);
            cycle = new CoordinationCycle(Sleep: false, WakeAt: null);
        }

        var announced = new List<string>(cycle.DueEffects ?? []);
        if (cycle.Sleep)
        {
            announced.AddRange(await SleepAsync(context, cycle.WakeAt));
        }

        // The effects a commit announced are performed before the first look, which saves the round trip through
        // ApplyDueWork before the first SMS. One that is done or parked meanwhile is a no-op; the look below finds
        // anything the ids missed.
        var retry = cycle.Retry;
        if (retry is not null && announced.Count > 0)
        {
            await Task.WhenAll(announced.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)
                .Select(id => PerformAsync(context, referralId, id, retry)));
        }

        CycleWork? work = null;
        for (var round = 0; round < MaxRoundsPerCycle; round++)
        {
            work = await TryStepAsync<CycleWork>(context, ApplyDueWorkActivity.FunctionName, referralId);
            if (work is null)
            {
                context.ContinueAsNew(new CoordinationCycle(Sleep: true, context.CurrentUtcDateTime.Add(StepFailureWait),
                    TakeBufferedChanges(context), retry));
                return;
            }

            retry = work.Retry;
            if (work.Effects.Count == 0)
            {
                break;
            }

            await Task.WhenAll(work.Effects.Select(effect => PerformAsync(context, referralId, effect.Id, work.Retry)));
        }

        // A change raised while this cycle was busy is taken here, not left to ContinueAsNew's carry-over of
        // unprocessed events (which the local engine drops): the next cycle then looks at once. The retry policy
        // rides along so the next cycle can perform announced effects before it looks.
        var late = TakeBufferedChanges(context);
        context.ContinueAsNew(late is null
            ? new CoordinationCycle(Sleep: true, work?.WakeAt, Retry: retry)
            : new CoordinationCycle(Sleep: false, WakeAt: null, late, retry));
    }

    /// <summary>Takes the change events that arrived while the cycle was busy and answers the effect ids they
    /// announced, or null when none arrived. Deterministic: an event is buffered at the same point of the history on
    /// replay, and a buffered event completes the wait at once.</summary>
    private static List<string>? TakeBufferedChanges(TaskOrchestrationContext context)
    {
        List<string>? announced = null;
        // Bounded only to satisfy the analyzer: each pass takes one buffered event.
        for (var taken = 0; taken < MaxBufferedChanges; taken++)
        {
            using var cancel = new CancellationTokenSource();
            Task<JsonElement> changed;
            try
            {
                changed = context.WaitForExternalEvent<JsonElement>(ChangedEvent, cancel.Token);
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException)
            {
                // A buffered payload that is not even JSON was taken: still a change.
                UnusableEvent(context.CreateReplaySafeLogger(typeof(ReferralCoordinator)), context.InstanceId, exception.GetType().Name);
                announced ??= [];
                continue;
            }

            if (!changed.IsCompleted)
            {
                // Removes the wait; ContinueAsNew follows in this same episode.
#pragma warning disable CA1849
                cancel.Cancel();
#pragma warning restore CA1849
                return announced;
            }

            announced ??= [];
            try
            {
                announced.AddRange(AnnouncedEffects(changed.GetAwaiter().GetResult()));
            }
            catch (Exception exception) when (exception is not TaskCanceledException)
            {
                UnusableEvent(context.CreateReplaySafeLogger(typeof(ReferralCoordinator)), context.InstanceId, exception.GetType().Name);
            }
        }

        // More left: ContinueAsNew carries them over where the engine does, and the next cycle looks at once anyway.
        return announced;
    }

    /// <summary>Sleeps until the deadline or a change; answers the effect ids the change announced (none when the
    /// deadline came first or the payload is unreadable: the look finds them).</summary>
    private static async Task<IReadOnlyList<string>> SleepAsync(TaskOrchestrationContext context, DateTimeOffset? wakeAt)
    {
        if (wakeAt is { } due && due.UtcDateTime <= context.CurrentUtcDateTime)
        {
            return [];
        }

        using var cancel = new CancellationTokenSource();
        // Any payload wakes the cycle: what changed is read from Table Storage; the payload only names effects due.
        var changed = context.WaitForExternalEvent<JsonElement>(ChangedEvent, cancel.Token);
        Task first = changed;
        if (wakeAt is { } deadline)
        {
            var timer = context.CreateTimer(deadline.UtcDateTime, cancel.Token);
            first = await Task.WhenAny(changed, timer);
            // Cancelling the loser removes its pending timer or event wait. Synchronously: CancelAsync would continue
            // on the thread pool, off the orchestration's scheduler, and the orchestrator would never make progress.
#pragma warning disable CA1849
            cancel.Cancel();
#pragma warning restore CA1849
        }

        if (first != changed)
        {
            return [];
        }

        try
        {
            return AnnouncedEffects(await changed);
        }
        catch (Exception exception) when (exception is not TaskCanceledException)
        {
            UnusableEvent(context.CreateReplaySafeLogger(typeof(ReferralCoordinator)), context.InstanceId, exception.GetType().Name);
            return [];
        }
    }

    /// <summary>The ids a <see cref="ReferralChanged"/> payload names; throws <see cref="JsonException"/> on a
    /// payload of another shape. Older payloads have none.</summary>
    private static IReadOnlyList<string> AnnouncedEffects(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Null
            ? []
            : payload.Deserialize<ReferralChanged>(s_eventJson)?.DueEffects ?? [];

    private static async Task PerformAsync(TaskOrchestrationContext context, string referralId, string effectId,
        EffectRetrySettings retry)
    {
        var options = TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval,
            retry.BackoffCoefficient, retry.MaxRetryInterval));
        try
        {
            await context.CallActivityAsync<EffectStep>(PerformEffectActivity.FunctionName,
                new EffectWork(referralId, effectId), options);
        }
        catch (TaskFailedException failure)
        {
            var reason = failure.FailureDetails.ErrorMessage;
            await TryStepAsync<EffectStep>(context, GiveUpEffectActivity.FunctionName,
                new EffectGiveUp(referralId, effectId, retry.MaxAttempts, reason));
        }
    }

    /// <summary>A storage step with a short retry policy; null when it still failed (the caller waits and retries).</summary>
    private static async Task<T?> TryStepAsync<T>(TaskOrchestrationContext context, string activity, object input)
        where T : class
    {
        try
        {
            return await context.CallActivityAsync<T>(activity, input, StepRetry);
        }
        catch (TaskFailedException failure)
        {
            StepFailed(context.CreateReplaySafeLogger(typeof(ReferralCoordinator)), context.InstanceId, activity,
                failure.FailureDetails.ErrorType);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordinator of referral {ReferralId}: step {Activity} failed ({ErrorType}); the cycle waits and tries again")]
    private static partial void StepFailed(ILogger logger, string referralId, string activity, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordinator of referral {ReferralId} was started with an input it cannot read; it starts afresh")]
    private static partial void UnusableInput(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordinator of referral {ReferralId} got a change event it cannot read ({ErrorType}); it looks at the referral anyway")]
    private static partial void UnusableEvent(ILogger logger, string referralId, string errorType);
}
