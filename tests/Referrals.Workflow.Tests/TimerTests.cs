using Azure.Data.Tables;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

public sealed class TimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task A_due_timer_fires_once_and_its_rows_are_removed()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        clock.Advance(TimeSpan.FromMinutes(59));
        var early = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var before = await runtime.Client.GetStateAsync(id, default);
        clock.Advance(TimeSpan.FromMinutes(1));
        var due = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var again = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);

        Assert.Empty(early);
        Assert.Equal(OrderStatus.Placed, before!.Status);
        Assert.Equal([id], due);
        Assert.Empty(again);
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Equal(OrderStatus.Expired, snapshot!.State.Status);
        Assert.Empty(snapshot.Timers);
        Assert.Equal(RuntimeTestKit.Start.AddHours(1), Assert.Single(snapshot.Events, e => e.Type == "expired").At);
        Assert.Empty(await IndexRowsAsync(id));
    }

    [Fact]
    public async Task A_stale_timer_is_skipped_without_deciding_and_the_moved_one_fires_later()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
        await runtime.Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(3)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var version = (await runtime.Client.GetAsync(id, default))!.Version;

        Assert.Equal(2, (await IndexRowsAsync(id)).Count);

        clock.Advance(TimeSpan.FromHours(1));
        var stale = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        var left = await IndexRowsAsync(id);
        await runtime.Engine.RunUntilIdleAsync(default);
        var unchanged = await runtime.Client.GetAsync(id, default);
        clock.Advance(TimeSpan.FromHours(2));
        var moved = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        // The replaced timer's row is due but its work is gone: not an instance to wake, and the row is deleted.
        Assert.Empty(stale);
        Assert.Equal(TimerIndexBucket(RuntimeTestKit.Start.AddHours(3)), Assert.Single(left).PartitionKey);
        Assert.Equal(version, unchanged!.Version);
        Assert.Equal(OrderStatus.Placed, unchanged.State.Status);
        Assert.Equal([id], moved);
        Assert.Equal(OrderStatus.Expired, (await runtime.Client.GetStateAsync(id, default))!.Status);
        Assert.Empty(await IndexRowsAsync(id));
    }

    [Fact]
    public async Task A_timer_is_indexed_before_its_commit_and_moving_it_wakes_the_coordinator_without_a_marker()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        runtime.Requests.Reset();
        var wakes = runtime.Engine.Wakes;

        var moved = await runtime.Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(3)), default);

        Assert.True(moved.Applied);
        // The partition read, the new index row and the commit: no wake marker (no effect was added), no outbox row.
        Assert.Equal(3, runtime.Requests.Count);
        // The coordinator is told, so it sleeps until the new deadline rather than the old one.
        Assert.Equal(wakes + 1, runtime.Engine.Wakes);
        var rows = await IndexRowsAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.PartitionKey == TimerIndexBucket(RuntimeTestKit.Start.AddHours(3)));
        Assert.DoesNotContain(rows, r => r.RowKey.Contains("|~wake|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_index_row_whose_commit_failed_is_found_stale_and_removed()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        var table = azurite.TableService().GetTableClient(_names.TableName);
        // A leftover row makes the transaction fail after the index row was written.
        await table.AddEntityAsync(new TableEntity(id, Storage.RowKeys.Stored(id, "o|notify-sms")) { ["Type"] = "order.notify" });
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default));
        Assert.Single(await IndexRowsAsync(id));

        clock.Advance(TimeSpan.FromHours(1));
        var sweep = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);

        Assert.Empty(sweep);
        Assert.Empty(await IndexRowsAsync(id));
        Assert.Null(await runtime.Client.GetStateAsync(id, default));
    }

    [Fact]
    public async Task A_cancelled_timer_does_not_fire()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
        await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        var version = (await runtime.Client.GetAsync(id, default))!.Version;
        Assert.Single(await IndexRowsAsync(id));

        clock.Advance(TimeSpan.FromHours(2));
        var sweep = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        // The cancelled timer's row is due but its work is gone: not an instance to wake, and the row is deleted.
        Assert.Empty(sweep);
        Assert.Empty(await IndexRowsAsync(id));
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Equal(OrderStatus.Confirmed, snapshot!.State.Status);
        Assert.Equal(version, snapshot.Version);
        Assert.DoesNotContain(snapshot.Events, e => e.Type == "expired");
    }

    [Fact]
    public async Task A_timer_six_months_away_fires_when_it_is_due()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromDays(183)), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        clock.Advance(TimeSpan.FromDays(182));
        await runtime.Engine.RunUntilIdleAsync(default);
        var before = await runtime.Client.GetStateAsync(id, default);
        clock.Advance(TimeSpan.FromDays(1));
        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(OrderStatus.Placed, before!.Status);
        Assert.Equal(OrderStatus.Expired, (await runtime.Client.GetStateAsync(id, default))!.Status);
    }

    [Fact]
    public async Task A_sweep_with_nothing_due_costs_at_most_three_requests_however_much_is_scheduled()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        await runtime.Client.ExecuteAsync(RuntimeTestKit.NewId(), RuntimeTestKit.Place(TimeSpan.FromDays(2)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var index = azurite.TableService().GetTableClient(_names.TimerIndexTableName);
        foreach (var bucket in Enumerable.Range(1, 20))
        {
            var partition = TimerIndexBucket(RuntimeTestKit.Start.AddHours(bucket));
            await index.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add, new TableEntity(partition, $"other-{i}|expiry|t") { ["DueAt"] = RuntimeTestKit.Start.AddHours(bucket) })));
        }

        runtime.Requests.Reset();
        var sweep = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);

        Assert.Empty(sweep);
        Assert.InRange(runtime.Requests.Count, 1, 3);
    }

    [Fact]
    public async Task One_sweep_deletes_done_rows_of_several_buckets_one_transaction_per_bucket()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
        await runtime.Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(2)), default);
        await runtime.Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(3)), default);
        await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        Assert.Equal(3, (await IndexRowsAsync(id)).Select(r => r.PartitionKey).Distinct().Count());

        clock.Advance(TimeSpan.FromHours(4));
        runtime.Requests.Reset();
        var sweep = await runtime.Coordination.SweepAsync(clock.GetUtcNow(), default);

        // An entity-group transaction must stay inside one partition (bucket): the index query, the instance's
        // partition, and one delete transaction per bucket. Azurite would accept a mixed batch; Azure would not.
        Assert.Empty(sweep);
        Assert.Empty(await IndexRowsAsync(id));
        Assert.Equal(1 + 1 + 3, runtime.Requests.Count);
    }

    private static string TimerIndexBucket(DateTimeOffset at) => Storage.TimerIndex.Bucket(at);

    private async Task<List<TableEntity>> IndexRowsAsync(string instanceId)
    {
        var index = azurite.TableService().GetTableClient(_names.TimerIndexTableName);
        var rows = await index.QueryAsync<TableEntity>().ToListAsync();
        return rows.Where(r => r.RowKey.StartsWith(instanceId + "|", StringComparison.Ordinal)).ToList();
    }
}
