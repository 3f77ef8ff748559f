using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
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
    public async Task A_crash_between_performing_an_effect_and_deleting_its_outbox_row_performs_it_again_and_loses_nothing()
    {
        var clock = RuntimeTestKit.Clock();
        Action<WorkflowOptions> configure = o => o.DispatchRecoveryDelay = TimeSpan.FromSeconds(1);
        var crashing = await RuntimeTestKit.StartAsync(azurite, _names, clock, configure);
        var performedBeforeCrash = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashingPerformed = 0;
        crashing.Notifications.Behavior = async (context, token) =>
        {
            // The provider accepted the message; then the process dies before the outbox row is deleted.
            if (Interlocked.Increment(ref crashingPerformed) == 2)
            {
                performedBeforeCrash.SetResult();
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return EffectOutcome.Done();
        };
        var id = RuntimeTestKit.NewId();
        await crashing.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await performedBeforeCrash.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await crashing.DisposeAsync();

        await using var restarted = await RuntimeTestKit.StartAsync(azurite, _names, clock, configure);
        await RuntimeTestKit.EventuallyAsync(async () =>
        {
            await restarted.Engine.RunUntilIdleAsync(default);
            return (await restarted.Client.GetStateAsync(id, default))!.Notified.Count == 2;
        }, TimeSpan.FromSeconds(30), "the recovery message brings the effects back");

        var snapshot = await restarted.Client.GetAsync(id, default);
        Assert.Equal(2, crashingPerformed);
        Assert.Equal(1, restarted.Notifications.PerformedCount(id, "notify-email"));
        Assert.Equal(1, restarted.Notifications.PerformedCount(id, "notify-sms"));
        Assert.Empty(snapshot!.Effects);
        Assert.Equal(2, snapshot.Events.Count(e => e.Type == "notified"));
    }

    [Fact]
    public async Task A_garbage_message_goes_to_the_poison_queue_with_a_log_entry_and_dispatch_continues()
    {
        var logs = new CapturingLoggerProvider();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(), logs: logs);
        var base64 = new QueueClient(azurite.ConnectionString, _names.DispatchQueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await base64.SendMessageAsync("this is not a dispatch message");
        await base64.SendMessageAsync("{\"instanceId\":\"a/b\"}");
        await new QueueClient(azurite.ConnectionString, _names.DispatchQueueName).SendMessageAsync("%% not base64 %%");
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await base64.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new { instanceId = id }));

        await runtime.Engine.RunUntilIdleAsync(default);

        var poison = new QueueClient(azurite.ConnectionString, _names.DispatchQueueName + "-poison",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var moved = (await poison.PeekMessagesAsync(10)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(["%% not base64 %%", "this is not a dispatch message", "{\"instanceId\":\"a/b\"}"],
            moved.Order(StringComparer.Ordinal));
        Assert.Equal(3, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("poison", StringComparison.Ordinal)));
        Assert.Equal(2, (await runtime.Client.GetStateAsync(id, default))!.Notified.Count);
        Assert.Equal(0, (await base64.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Contains("Not a dispatch message", (await runtime.Engine.DispatchMessageAsync("garbage", default)).Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_delivered_more_than_five_times_goes_to_the_poison_queue()
    {
        var logs = new CapturingLoggerProvider();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(), logs: logs);
        var queue = new QueueClient(azurite.ConnectionString, _names.DispatchQueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new { instanceId = RuntimeTestKit.NewId() }));
        for (var i = 0; i < 5; i++)
        {
            var received = (await queue.ReceiveMessageAsync()).Value;
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, received.Body, TimeSpan.Zero);
        }

        await runtime.Engine.RunUntilIdleAsync(default);

        var poison = new QueueClient(azurite.ConnectionString, _names.DispatchQueueName + "-poison");
        Assert.Single((await poison.PeekMessagesAsync(10)).Value);
        Assert.Contains(logs.Entries, e => e.Message.Contains("dequeued 6 times", StringComparison.Ordinal));
    }
}
