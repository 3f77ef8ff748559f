using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

/// <summary>
/// What the library promises the coordinator (the app's orchestration, here <see cref="InlineCoordinator"/>): a commit
/// that adds work wakes it, guarded by a wake marker the safety sweep finds when the wake-up never happened; each
/// step is a short, idempotent call on <see cref="IWorkflowCoordination"/>.
/// </summary>
public sealed class CoordinationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task A_commit_that_adds_effects_wakes_the_coordinator_once_and_leaves_no_wake_marker()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();

        var placed = await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var wakesAfterPlace = runtime.Engine.Wakes;
        var rowsAfterPlace = await IndexRowsAsync(id);
        var confirmed = await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        var wakesAfterConfirm = runtime.Engine.Wakes;
        var touched = await runtime.Client.ExecuteAsync(id, new TouchOrder(), default);
        var rejected = await runtime.Client.ExecuteAsync(id, new CancelOrder(), default);

        Assert.True(placed.Applied);
        Assert.Equal(1, wakesAfterPlace);
        // Only the expiry timer's row: the marker written before the commit was deleted after the wake-up.
        Assert.StartsWith(id + "|expiry|", Assert.Single(rowsAfterPlace).RowKey, StringComparison.Ordinal);
        Assert.True(confirmed.Applied);
        Assert.Equal(2, wakesAfterConfirm);
        // A no-op and a rejection change no work: nobody is woken.
        Assert.True(touched.Applied);
        Assert.False(rejected.Applied);
        Assert.Equal(2, runtime.Engine.Wakes);
        Assert.DoesNotContain(await IndexRowsAsync(id), r => r.RowKey.Contains("|~wake|", StringComparison.Ordinal));

        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(["confirmed", "email", "sms"], (await runtime.Client.GetStateAsync(id, default))!.Notified.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_command_is_answered_before_its_wake_up_finishes_and_the_wake_up_then_removes_its_marker()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.Engine.WakesWaitFor = held.Task;

        var result = await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);

        Assert.True(result.Applied);
        Assert.Equal(OrderStatus.Placed, result.State!.Status);
        Assert.Equal(1, runtime.WakeUps.Count);
        Assert.Equal(0, runtime.Engine.Wakes);
        Assert.Single(await WakeMarkersAsync(id));

        held.SetResult();
        await runtime.WakeUps.WhenAllDoneAsync(default);

        Assert.Equal(0, runtime.WakeUps.Count);
        Assert.Equal(1, runtime.Engine.Wakes);
        Assert.Empty(await WakeMarkersAsync(id));
    }

    [Fact]
    public async Task A_wake_up_abandoned_when_the_host_stops_leaves_its_marker_and_the_sweep_finds_the_instance()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        var id = RuntimeTestKit.NewId();
        runtime.Engine.WakesWaitFor = new TaskCompletionSource().Task;
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);

        // The host's stop timeout is already over: what is under way is abandoned.
        await runtime.WakeUps.StopAsync(new CancellationToken(canceled: true));
        await runtime.WakeUps.WhenAllDoneAsync(default);

        Assert.True(runtime.WakeUps.Abandoned.IsCancellationRequested);
        Assert.Equal(0, runtime.Engine.Wakes);
        Assert.Single(await WakeMarkersAsync(id));
        Assert.Equal([id], await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default));
    }

    [Fact]
    public async Task A_failed_wake_up_keeps_the_commit_and_its_marker_and_the_sweep_finds_the_instance_after_the_grace()
    {
        var clock = RuntimeTestKit.Clock();
        var logs = new CapturingLoggerProvider();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, logs: logs);
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        var id = RuntimeTestKit.NewId();
        runtime.Engine.FailWakes = true;

        var result = await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);

        Assert.True(result.Applied);
        Assert.Equal(OrderStatus.Placed, result.State!.Status);
        Assert.Equal(0, runtime.Engine.Wakes);
        Assert.Equal(2, (await runtime.Client.GetAsync(id, default))!.Effects.Count);
        Assert.Single(await WakeMarkersAsync(id));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));

        // Within the grace the marker may belong to a wake-up still under way: the sweep leaves it alone.
        Assert.Empty(await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default));
        var overdue = await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default);
        Assert.Equal([id], overdue);
        Assert.Single(await WakeMarkersAsync(id));

        // What the app's safety sweep does with the instances it found.
        runtime.Engine.FailWakes = false;
        foreach (var instance in overdue)
        {
            await runtime.Engine.EnsureRunningAsync(instance, default);
        }

        await runtime.Engine.RunUntilIdleAsync(default);
        var again = await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default);

        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-email"));
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Empty(snapshot!.Effects);
        Assert.Equal(["email", "sms"], snapshot.State.Notified.Order(StringComparer.Ordinal));
        Assert.Empty(again);
        Assert.Empty(await WakeMarkersAsync(id));
    }

    [Fact]
    public async Task A_lost_wake_up_of_a_running_instance_is_caught_up_once_its_marker_falls_due()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        runtime.Engine.FailWakes = true;

        var confirmed = await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        runtime.Engine.FailWakes = false;
        await runtime.Engine.RunUntilIdleAsync(default);
        var performedBeforeGrace = runtime.Notifications.PerformedCount(id, "notify-confirmed");
        clock.Advance(grace);
        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.True(confirmed.Applied);
        Assert.Equal(1, runtime.Engine.Wakes);
        // Nobody was told, and the marker is not due before the grace is over.
        Assert.Equal(0, performedBeforeGrace);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-confirmed"));
        Assert.Contains("confirmed", (await runtime.Client.GetStateAsync(id, default))!.Notified);
        Assert.Empty(await WakeMarkersAsync(id));
    }

    [Fact]
    public async Task An_effect_its_decision_delays_is_indexed_so_a_lost_wake_up_cannot_strand_it()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromDays(1)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var at = RuntimeTestKit.Start.AddHours(1);
        var effectId = OrderDecider.ReminderEffectId(at);
        runtime.Engine.FailWakes = true;

        var result = await runtime.Client.ExecuteAsync(id, new RemindOrder(at), default);

        Assert.True(result.Applied);
        Assert.Contains(await IndexRowsAsync(id), r => r.RowKey == $"{id}|{TimerIndex.EffectKind}|{effectId}"
            && r.PartitionKey == TimerIndex.Bucket(at));
        // Nothing is due within the grace: the marker has nothing to guard and goes; the effect's row waits.
        Assert.Empty(await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default));
        Assert.Empty(await WakeMarkersAsync(id));

        runtime.Engine.FailWakes = false;
        clock.Advance(TimeSpan.FromHours(1));
        var due = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        foreach (var instance in due)
        {
            await runtime.Engine.EnsureRunningAsync(instance, default);
        }

        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal([id], due);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, effectId));
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Empty(snapshot!.Effects);
        Assert.Contains("reminder", snapshot.State.Notified);
        Assert.Empty(await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default));
        Assert.DoesNotContain(await IndexRowsAsync(id), r => r.RowKey.Contains(effectId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrying_a_parked_effect_whose_wake_up_fails_answers_true_and_leaves_a_marker_for_the_sweep()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 1);
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.Effect.Id == "notify-sms" ? EffectOutcome.Retry("503 from provider") : null);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        Assert.Single(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id);
        runtime.Notifications.Behavior = null;
        runtime.Engine.FailWakes = true;

        Assert.True(await runtime.Coordination.RetryParkedAsync(id, "notify-sms", default));

        Assert.DoesNotContain(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id);
        Assert.Equal(EffectStatus.Pending, Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects).Status);
        Assert.Single(await WakeMarkersAsync(id));
        var overdue = await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default);
        Assert.Equal([id], overdue);

        runtime.Engine.FailWakes = false;
        foreach (var instance in overdue)
        {
            await runtime.Engine.EnsureRunningAsync(instance, default);
        }

        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
        Assert.Empty(await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default));
        Assert.Empty(await WakeMarkersAsync(id));
    }

    [Fact]
    public async Task A_failing_handler_is_returned_as_failed_and_nothing_is_recorded()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        runtime.Notifications.Behavior = (context, _) => context.Effect.Id switch
        {
            "notify-sms" => Task.FromResult<EffectOutcome?>(EffectOutcome.Retry("503 from provider")),
            "notify-email" => throw new InvalidOperationException("mail server said no"),
            _ => Task.FromResult<EffectOutcome?>(null),
        };
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var before = await runtime.Client.GetAsync(id, default);
        runtime.Requests.Reset();

        var sms = await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default);
        var email = await runtime.Coordination.PerformEffectAsync(id, "notify-email", default);

        Assert.Equal(new EffectStep(EffectStepKind.Failed, Reason: "503 from provider"), sms);
        // Only the exception's type: a provider's message may quote personal data.
        Assert.Equal(new EffectStep(EffectStepKind.Failed, Reason: "The handler threw InvalidOperationException."), email);
        // Two point reads per step (the state row and the effect's row), no write.
        Assert.Equal(4, runtime.Requests.Count);
        var after = await runtime.Client.GetAsync(id, default);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(before.Effects.OrderBy(e => e.Id, StringComparer.Ordinal),
            after.Effects.OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.All(after.Effects, e => Assert.Equal(new PendingEffect(e.Id, OrderDecider.NotifyEffect, EffectStatus.Pending, 0, null, null), e));
        Assert.DoesNotContain(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id);
    }

    [Fact]
    public async Task A_provider_retry_after_is_recorded_as_a_wait_with_an_index_row()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        runtime.Notifications.Behavior = (_, _) => Task.FromResult<EffectOutcome?>(EffectOutcome.Retry("429", TimeSpan.FromMinutes(5)));
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);

        var step = await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default);

        var until = RuntimeTestKit.Start.AddMinutes(5);
        Assert.Equal(new EffectStep(EffectStepKind.Waiting, until, "429"), step);
        var effect = Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects, e => e.Id == "notify-sms");
        Assert.Equal(new PendingEffect("notify-sms", OrderDecider.NotifyEffect, EffectStatus.Pending, 1, until, "429"), effect);
        Assert.Contains(await IndexRowsAsync(id), r => r.RowKey == $"{id}|~effect|notify-sms"
            && r.PartitionKey == TimerIndex.Bucket(until));
        Assert.Equal(new EffectStep(EffectStepKind.Waiting, until), await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default));
    }

    [Fact]
    public async Task Giving_up_counts_the_attempts_backs_off_and_parks_at_the_budget_reporting_it_through_the_listener()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 5,
            services: s => s.AddSingleton<IParkedEffectListener<OrderCommand>, ParkedAsFailed>());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var handled = 0;
        runtime.Notifications.Behavior = (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.FromResult<EffectOutcome?>(null);
        };

        var backoff = await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-sms", 3, "503 from provider", default);
        var waiting = Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects, e => e.Id == "notify-sms");
        clock.Advance(TimeSpan.FromMinutes(1));
        var parked = await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-sms", 2, "503 again", default);

        // Three attempts counted: the third retry delay of 10 s doubling.
        Assert.Equal(new EffectStep(EffectStepKind.Waiting, RuntimeTestKit.Start.AddSeconds(40), "503 from provider"), backoff);
        Assert.Equal(new PendingEffect("notify-sms", OrderDecider.NotifyEffect, EffectStatus.Pending, 3,
            RuntimeTestKit.Start.AddSeconds(40), "503 from provider"), waiting);
        Assert.Equal(EffectStepKind.Parked, parked.Kind);
        Assert.Equal("Gave up after 5 attempts: 503 again", parked.Reason);
        var listed = Assert.Single(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id);
        Assert.Equal(new ParkedEffect(id, "notify-sms", OrderDecider.NotifyEffect, "Gave up after 5 attempts: 503 again",
            RuntimeTestKit.Start.AddMinutes(1)), listed);
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Equal(["sms"], snapshot!.State.FailedNotifications);
        Assert.Single(snapshot.Events, e => e.Type == "effectParked");
        var effect = Assert.Single(snapshot.Effects, e => e.Id == "notify-sms");
        Assert.Equal(EffectStatus.Parked, effect.Status);
        Assert.Equal(5, effect.Attempts);

        // A parked effect is not performed again until an operator retries it.
        Assert.Equal(EffectStepKind.Parked, (await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default)).Kind);
        Assert.Equal(0, handled);
        Assert.True(await runtime.Coordination.RetryParkedAsync(id, "notify-sms", default));
        Assert.Empty(await WakeMarkersAsync(id));
        await runtime.Engine.RunUntilIdleAsync(default);
        Assert.Equal(2, handled);
        Assert.Contains("sms", (await runtime.Client.GetStateAsync(id, default))!.Notified);
        Assert.DoesNotContain(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id);
    }

    [Fact]
    public async Task Giving_up_as_many_attempts_as_the_budget_parks_at_once()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(), o => o.EffectMaxAttempts = 4);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);

        var step = await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-email", 4, "timeout", default);

        Assert.Equal(new EffectStep(EffectStepKind.Parked, Reason: "Gave up after 4 attempts: timeout"), step);
        Assert.Single(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == id && p.EffectId == "notify-email");
        var version = (await runtime.Client.GetAsync(id, default))!.Version;
        // A second cycle giving up on it too finds it parked, not gone, and changes nothing.
        Assert.Equal(new EffectStep(EffectStepKind.Parked, Reason: "Gave up after 4 attempts: timeout"),
            await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-email", 4, "timeout again", default));
        // Without a listener the instance's state is unchanged; the effect shows as parked.
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Empty(snapshot!.State.FailedNotifications);
        Assert.Equal(version, snapshot.Version);
        var effect = Assert.Single(snapshot.Effects, e => e.Id == "notify-email");
        Assert.Equal(EffectStatus.Parked, effect.Status);
        Assert.Equal(4, effect.Attempts);
    }

    [Fact]
    public async Task A_step_that_parked_an_effect_but_died_before_listing_it_lists_it_when_run_again()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 2);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var parkedTable = azurite.TableService().GetTableClient(_names.ParkedTableName);
        // The operator's list cannot be written: the step fails after the commit that parked the effect.
        await parkedTable.DeleteAsync();

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() =>
            runtime.Coordination.GiveUpAttemptsAsync(id, "notify-sms", 2, "503 from provider", default));
        var parkedUnlisted = Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects, e => e.Id == "notify-sms");
        await parkedTable.CreateIfNotExistsAsync();
        var again = await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-sms", 2, "503 from provider", default);

        Assert.Equal(EffectStatus.Parked, parkedUnlisted.Status);
        Assert.Equal(new EffectStep(EffectStepKind.Parked, Reason: "Gave up after 2 attempts: 503 from provider"), again);
        var listed = Assert.Single(await runtime.Coordination.ListParkedAsync(default));
        Assert.Equal((id, "notify-sms", "Gave up after 2 attempts: 503 from provider"), (listed.InstanceId, listed.EffectId, listed.Reason));

        // The same for a perform step run again; a row already there keeps the time it was parked at.
        await parkedTable.DeleteEntityAsync(id, "notify-sms");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(EffectStepKind.Parked, (await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default)).Kind);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(EffectStepKind.Parked, (await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default)).Kind);
        Assert.Equal(listed with { ParkedAt = RuntimeTestKit.Start.AddMinutes(1) },
            Assert.Single(await runtime.Coordination.ListParkedAsync(default)));
        Assert.Equal(0, runtime.Notifications.PerformedCount(id, "notify-sms"));
    }

    [Fact]
    public async Task Steps_on_an_effect_that_is_gone_report_it_gone()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var version = (await runtime.Client.GetAsync(id, default))!.Version;

        Assert.Equal(EffectStepKind.Gone, (await runtime.Coordination.PerformEffectAsync(id, "notify-sms", default)).Kind);
        Assert.Equal(EffectStepKind.Gone, (await runtime.Coordination.GiveUpAttemptsAsync(id, "notify-sms", 3, "late", default)).Kind);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
        Assert.Equal(version, (await runtime.Client.GetAsync(id, default))!.Version);
    }

    private async Task<List<TableEntity>> IndexRowsAsync(string instanceId)
    {
        var index = azurite.TableService().GetTableClient(_names.TimerIndexTableName);
        var rows = await index.QueryAsync<TableEntity>().ToListAsync();
        return rows.Where(r => r.RowKey.StartsWith(instanceId + "|", StringComparison.Ordinal)).ToList();
    }

    private async Task<List<TableEntity>> WakeMarkersAsync(string instanceId) =>
        (await IndexRowsAsync(instanceId)).Where(r => r.RowKey.StartsWith($"{instanceId}|{TimerIndex.WakeKind}|", StringComparison.Ordinal))
            .ToList();

    private sealed class ParkedAsFailed : IParkedEffectListener<OrderCommand>
    {
        public OrderCommand? OnEffectParked(string effectId, string effectType, string reason) =>
            new NotificationFailed(effectId["notify-".Length..], reason);
    }
}
