using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

public sealed class DispatchTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task Handlers_get_the_state_the_dispatch_holds_after_a_commit_and_after_a_retry()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(string EffectId, int Attempt, Order? State)>();
        runtime.Notifications.Behavior = (context, _) =>
        {
            seen.Enqueue((context.Effect.Id, context.Attempt, context.State as Order));
            return Task.FromResult<EffectOutcome?>(context.Effect.Id == "notify-sms" && context.Attempt == 0
                ? EffectOutcome.Retry("provider down")
                : null);
        };
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        clock.Advance(TimeSpan.FromMinutes(5));
        await runtime.Engine.RunUntilIdleAsync(default);

        var first = seen.Where(s => s.Attempt == 0).ToList();
        Assert.Equal(2, first.Count);
        Assert.All(first, s => Assert.Equal([], s.State!.Notified));
        var retry = Assert.Single(seen, s => s.Attempt == 1);
        // The retry loaded the instance: the email's follow-up, recorded after the first round, is in its state.
        Assert.Equal(["email"], retry.State!.Notified);
    }

    [Fact]
    public async Task A_failing_effect_is_retried_with_backoff_then_succeeds_and_its_follow_up_is_recorded_once()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var failures = 2;
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.Effect.Id == "notify-sms" && Interlocked.Decrement(ref failures) >= 0
                ? EffectOutcome.Retry("provider busy") : null);
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var waiting = await runtime.Client.GetAsync(id, default);
        clock.Advance(TimeSpan.FromSeconds(10));
        await runtime.Engine.RunUntilIdleAsync(default);
        var second = await runtime.Client.GetAsync(id, default);
        clock.Advance(TimeSpan.FromSeconds(20));
        await runtime.Engine.RunUntilIdleAsync(default);
        var done = await runtime.Client.GetAsync(id, default);

        var pending = Assert.Single(waiting!.Effects);
        Assert.Equal(new PendingEffect("notify-sms", OrderDecider.NotifyEffect, EffectStatus.Pending, 1,
            RuntimeTestKit.Start.AddSeconds(10), "provider busy"), pending);
        Assert.Equal(2, Assert.Single(second!.Effects).Attempts);
        Assert.Empty(done!.Effects);
        Assert.Equal(["email", "sms"], done.State.Notified.Order(StringComparer.Ordinal));
        Assert.Equal(2, done.Events.Count(e => e.Type == "notified"));
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
    }

    [Fact]
    public async Task An_effect_is_parked_after_max_attempts_while_other_effects_and_instances_proceed()
    {
        var clock = RuntimeTestKit.Clock();
        var logs = new CapturingLoggerProvider();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 3, logs);
        var broken = RuntimeTestKit.NewId();
        var healthy = RuntimeTestKit.NewId();
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.InstanceId == broken && context.Effect.Id == "notify-sms" ? EffectOutcome.Retry("503 from provider") : null);

        await runtime.Client.ExecuteAsync(broken, RuntimeTestKit.Place(), default);
        await runtime.Client.ExecuteAsync(healthy, RuntimeTestKit.Place(), default);
        for (var i = 0; i < 3; i++)
        {
            await runtime.Engine.RunUntilIdleAsync(default);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var parked = Assert.Single(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == broken);
        Assert.Equal("notify-sms", parked.EffectId);
        Assert.Contains("503 from provider", parked.Reason, StringComparison.Ordinal);
        var snapshot = await runtime.Client.GetAsync(broken, default);
        var effect = Assert.Single(snapshot!.Effects);
        Assert.Equal(EffectStatus.Parked, effect.Status);
        Assert.Equal(3, effect.Attempts);
        Assert.Equal(["email"], snapshot.State.Notified);
        Assert.Equal(["email", "sms"], (await runtime.Client.GetStateAsync(healthy, default))!.Notified.Order(StringComparer.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("parked", StringComparison.Ordinal)
            && e.Message.Contains(broken, StringComparison.Ordinal));

        runtime.Notifications.Behavior = null;
        Assert.True(await runtime.Coordination.RetryParkedAsync(broken, "notify-sms", default));
        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.DoesNotContain(await runtime.Coordination.ListParkedAsync(default), p => p.InstanceId == broken);
        var retried = await runtime.Client.GetAsync(broken, default);
        Assert.Empty(retried!.Effects);
        Assert.Equal(["email", "sms"], retried.State.Notified.Order(StringComparer.Ordinal));
        Assert.False(await runtime.Coordination.RetryParkedAsync(broken, "notify-sms", default));
    }

    [Fact]
    public async Task A_parked_effect_with_a_follow_up_records_the_failure_on_the_instance()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(context.Effect.Id == "notify-sms"
            ? EffectOutcome.Park("number opted out", new NotificationFailed("sms", "opted out")) : null);
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Equal(["sms"], snapshot!.State.FailedNotifications);
        Assert.Single(snapshot.Events, e => e.Type == "effectParked");
        Assert.Equal(EffectStatus.Parked, Assert.Single(snapshot.Effects).Status);
    }

    [Fact]
    public async Task An_effect_without_a_handler_is_parked_naming_its_type()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(),
            services: s => s.RemoveAll<IEffectHandler>());
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        var parked = (await runtime.Coordination.ListParkedAsync(default)).Where(p => p.InstanceId == id).ToList();
        Assert.Equal(2, parked.Count);
        Assert.All(parked, p => Assert.Contains("'order.notify'", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_is_recorded_exactly_once_when_two_cycles_perform_the_same_effect()
    {
        var clock = RuntimeTestKit.Clock();
        await using var slow = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        await using var fast = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        slow.Notifications.Behavior = async (context, token) =>
        {
            slow.Notifications.RecordPerformed(context);
            if (Interlocked.Increment(ref waiting) == 2)
            {
                started.SetResult();
            }

            await release.Task.WaitAsync(token);
            return EffectOutcome.Done(new NotificationSent(context.Effect.PayloadAs<Notification>().Channel));
        };
        var id = RuntimeTestKit.NewId();

        await slow.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var slowRun = slow.Engine.RunUntilIdleAsync(default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // A second cycle of the same instance (an activity run again on another worker) while the first one hangs.
        await InlineCoordinator.CycleAsync(fast.Coordination, id, default);
        release.SetResult();
        await slowRun;

        var snapshot = await fast.Client.GetAsync(id, default);
        Assert.Equal(["email", "sms"], snapshot!.State.Notified.Order(StringComparer.Ordinal));
        Assert.Equal(2, snapshot.Events.Count(e => e.Type == "notified"));
        Assert.Empty(snapshot.Effects);
        Assert.Equal(1, slow.Notifications.PerformedCount(id, "notify-sms"));
        Assert.Equal(1, fast.Notifications.PerformedCount(id, "notify-sms"));
    }

    [Fact]
    public async Task An_effect_due_later_waits_for_its_time()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.Effect.Id == "notify-sms" && context.Attempt == 0 ? EffectOutcome.Retry("quiet hours", TimeSpan.FromHours(9)) : null);
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromDays(1)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        clock.Advance(TimeSpan.FromHours(8));
        await runtime.Engine.RunUntilIdleAsync(default);
        var before = await runtime.Client.GetStateAsync(id, default);
        clock.Advance(TimeSpan.FromHours(1));
        await runtime.Engine.RunUntilIdleAsync(default);
        var after = await runtime.Client.GetStateAsync(id, default);

        Assert.Equal(["email"], before!.Notified);
        Assert.Equal(["email", "sms"], after!.Notified.Order(StringComparer.Ordinal));
    }
}
