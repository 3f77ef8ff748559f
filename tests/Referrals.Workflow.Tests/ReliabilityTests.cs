using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

public sealed class ReliabilityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task Two_runtimes_applying_concurrent_commands_to_200_instances_apply_each_once_and_lose_no_effect()
    {
        var clock = RuntimeTestKit.Clock();
        await using var first = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        await using var second = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var ids = Enumerable.Range(0, 200).Select(_ => RuntimeTestKit.NewId()).ToList();
        using var gate = new SemaphoreSlim(16);

        async Task<CommandResult<Order>> Send(ReferenceRuntime runtime, string id, OrderCommand command)
        {
            await gate.WaitAsync();
            try
            {
                return await runtime.Client.ExecuteAsync(id, command, default);
            }
            finally
            {
                gate.Release();
            }
        }

        var placed = await Task.WhenAll(ids.Select((id, i) => Send(i % 2 == 0 ? first : second, id, RuntimeTestKit.Place())));
        // Per instance: an extension on each runtime, and a confirm racing a cancel (only one may win).
        var raced = await Task.WhenAll(ids.Select(async id =>
        {
            var results = await Task.WhenAll(
                Send(first, id, new ExtendOrder(RuntimeTestKit.Start.AddHours(2))),
                Send(second, id, new ExtendOrder(RuntimeTestKit.Start.AddHours(3))),
                Send(first, id, new ConfirmOrder()),
                Send(second, id, new CancelOrder()));
            return (Id: id, Results: results);
        }));
        await Task.WhenAll(first.Engine.RunUntilIdleAsync(default), second.Engine.RunUntilIdleAsync(default));
        await first.Engine.RunUntilIdleAsync(default);

        Assert.All(placed, p => Assert.True(p.Applied));
        var performed = first.Notifications.Performed.Concat(second.Notifications.Performed).ToList();
        foreach (var (id, results) in raced)
        {
            var snapshot = await first.Client.GetAsync(id, default);
            Assert.NotNull(snapshot);
            var applied = results.Where(r => r.Applied).Count();
            var closed = snapshot.State.Status == OrderStatus.Confirmed ? "confirmed" : "cancelled";
            var expectedEvents = 1 + applied + 3;
            Assert.Equal(expectedEvents, snapshot.Events.Count);
            Assert.Single(snapshot.Events, e => e.Type is "confirmed" or "cancelled");
            Assert.Equal(new[] { "email", "sms", closed }.Order(StringComparer.Ordinal),
                snapshot.State.Notified.Order(StringComparer.Ordinal));
            Assert.Empty(snapshot.Effects);
            var loser = closed == "confirmed" ? "notify-cancelled" : "notify-confirmed";
            Assert.DoesNotContain(performed, p => p.InstanceId == id && p.EffectId == loser);
            Assert.Contains(performed, p => p.InstanceId == id && p.EffectId == "notify-" + closed);
        }
    }

    [Fact]
    public async Task A_crash_between_performing_an_effect_and_recording_it_performs_it_again_and_records_it_once()
    {
        var clock = RuntimeTestKit.Clock();
        var crashing = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var performedBeforeCrash = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashingPerformed = 0;
        crashing.Notifications.Behavior = async (context, token) =>
        {
            // The provider accepted the message; then the process dies before the outcome is recorded.
            crashing.Notifications.RecordPerformed(context);
            if (Interlocked.Increment(ref crashingPerformed) == 2)
            {
                performedBeforeCrash.SetResult();
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return EffectOutcome.Done();
        };
        var id = RuntimeTestKit.NewId();
        await crashing.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        using (var crash = new CancellationTokenSource())
        {
            var run = crashing.Engine.RunUntilIdleAsync(crash.Token);
            await performedBeforeCrash.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        await crashing.DisposeAsync();

        await using var restarted = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var stillPending = (await restarted.Client.GetAsync(id, default))!.Effects;
        // The engine runs the orchestration's unfinished activities again after the restart.
        await restarted.Engine.EnsureRunningAsync(id, default);
        await restarted.Engine.RunUntilIdleAsync(default);

        Assert.Equal(["notify-email", "notify-sms"], stillPending.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(stillPending, e => Assert.Equal(0, e.Attempts));
        var snapshot = await restarted.Client.GetAsync(id, default);
        Assert.Equal(2, crashingPerformed);
        Assert.Equal(1, restarted.Notifications.PerformedCount(id, "notify-email"));
        Assert.Equal(1, restarted.Notifications.PerformedCount(id, "notify-sms"));
        Assert.Empty(snapshot!.Effects);
        Assert.Equal(2, snapshot.Events.Count(e => e.Type == "notified"));
        Assert.Equal(["email", "sms"], snapshot.State.Notified.Order(StringComparer.Ordinal));
    }
}
