using Azure.Data.Tables;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

public sealed class CommitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task Submit_commits_state_event_effects_and_timer_and_the_coordinator_performs_the_effects()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();

        var result = await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.True(result.Applied);
        Assert.Equal(1, result.Version);
        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.NotNull(snapshot);
        Assert.Equal(OrderStatus.Placed, snapshot.State.Status);
        Assert.Equal(["email", "sms"], snapshot.State.Notified.Order(StringComparer.Ordinal));
        // Each effect is performed and recorded on its own (one step each), so one failing effect holds up no other.
        Assert.Equal(3, snapshot.Version);
        Assert.Equal("placed", snapshot.Events[0].Type);
        Assert.Equal(RuntimeTestKit.Start, snapshot.Events[0].At);
        Assert.Equal("Tea", snapshot.Events[0].Detail["item"]);
        Assert.Equal([1L, 2L, 3L], snapshot.Events.Select(e => e.Sequence));
        Assert.Empty(snapshot.Effects);
        var timer = Assert.Single(snapshot.Timers);
        Assert.Equal(RuntimeTestKit.Start.AddHours(1), timer.DueAt);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-email"));
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
    }

    [Fact]
    public async Task A_commit_announces_to_the_waker_the_effects_it_added_that_are_due_now_and_no_others()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        var now = clock.GetUtcNow();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Client.ExecuteAsync(id, new RemindOrder(now.AddMinutes(30)), default);
        await runtime.Client.ExecuteAsync(id, new RemindOrder(now), default);

        var announced = runtime.Engine.Announced.Where(wake => wake.InstanceId == id).Select(wake => wake.DueEffectIds).ToList();
        Assert.Equal(3, announced.Count);
        Assert.Equal(["notify-email", "notify-sms"], announced[0].Order(StringComparer.Ordinal));
        // A reminder not before a later time is left to the coordinator's deadline.
        Assert.Empty(announced[1]);
        Assert.Equal([OrderDecider.ReminderEffectId(now)], announced[2]);

        await runtime.Engine.RunUntilIdleAsync(default);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-email"));
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, OrderDecider.ReminderEffectId(now)));
    }

    [Fact]
    public async Task A_failing_transaction_writes_nothing_of_the_decision()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = RuntimeTestKit.NewId();
        var table = azurite.TableService().GetTableClient(_names.TableName);
        // A leftover row makes the Add of one outbox row (the last entity but one of the batch) fail.
        await table.AddEntityAsync(new TableEntity(id, RowKeys.Stored(id, "o|notify-sms")) { ["Type"] = "order.notify", ["Status"] = "parked" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default));

        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
        Assert.Equal([RowKeys.Stored(id, "o|notify-sms")], rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task Concurrent_commands_on_one_instance_are_each_applied_once_after_conflict_retries()
    {
        var clock = RuntimeTestKit.Clock();
        // A writer loses a round only to another writer's commit, after which it reloads: of 16 writers, each loses
        // at most 15 times, whatever the timing (on a loaded machine the default 10 retries may not be enough).
        Action<WorkflowOptions> budget = o => o.MaxConflictRetries = 15;
        await using var first = await RuntimeTestKit.StartAsync(azurite, _names, clock, budget);
        await using var second = await RuntimeTestKit.StartAsync(azurite, _names, clock, budget);
        var id = RuntimeTestKit.NewId();
        await first.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await first.Engine.RunUntilIdleAsync(default);

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            (i % 2 == 0 ? first : second).Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(1 + i)), default)));

        Assert.All(results, r => Assert.True(r.Applied));
        var snapshot = await first.Client.GetAsync(id, default);
        // The placing, the two notifications' follow-ups, then the sixteen extensions.
        Assert.Equal(3 + 16, snapshot!.Version);
        Assert.Equal(16, snapshot.Events.Count(e => e.Type == "extended"));
        Assert.Equal(Enumerable.Range(1, snapshot.Events.Count).Select(i => (long)i), snapshot.Events.Select(e => e.Sequence));
        Assert.Equal(snapshot.State.ExpiresAt, Assert.Single(snapshot.Timers).DueAt);
    }

    [Fact]
    public async Task A_command_for_an_unknown_instance_is_rejected_and_writes_nothing()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();

        var result = await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);

        Assert.False(result.Applied);
        Assert.Equal(RejectionKind.NotFound, result.Rejection!.Kind);
        Assert.Null(await runtime.Client.GetAsync(id, default));
        Assert.Null(await runtime.Client.GetStateAsync(id, default));
    }

    [Fact]
    public async Task A_rejection_surfaces_the_deciders_reason_and_changes_nothing()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var before = await runtime.Client.GetAsync(id, default);

        var invalid = await runtime.Client.ExecuteAsync(RuntimeTestKit.NewId(), new PlaceOrder(" ", TimeSpan.FromHours(1)), default);
        var again = await runtime.Client.ExecuteAsync(id, new CancelOrder(), default);

        Assert.Equal(new Rejection(RejectionKind.Invalid, "item must not be empty."), invalid.Rejection);
        Assert.Equal(RejectionKind.InvalidTransition, again.Rejection!.Kind);
        Assert.Contains("Confirmed", again.Rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Confirmed, again.State!.Status);
        var after = await runtime.Client.GetAsync(id, default);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(before.Events.Count, after.Events.Count);
    }

    [Fact]
    public async Task A_no_op_decision_reads_once_and_writes_nothing()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var version = (await runtime.Client.GetAsync(id, default))!.Version;
        runtime.Requests.Reset();

        var result = await runtime.Client.ExecuteAsync(id, new TouchOrder(), default);

        Assert.True(result.Applied);
        Assert.Equal(version, result.Version);
        Assert.Equal(1, runtime.Requests.Count);
    }

    [Fact]
    public async Task An_unreadable_state_row_names_the_instance_and_leaves_other_instances_alone()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var broken = RuntimeTestKit.NewId();
        var healthy = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(broken, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var table = azurite.TableService().GetTableClient(_names.TableName);
        var state = (await table.GetEntityAsync<TableEntity>(broken, RowKeys.Stored(broken, RowKeys.State))).Value;
        state["Data"] = "{not json";
        await table.UpdateEntityAsync(state, state.ETag);

        var error = await Assert.ThrowsAsync<WorkflowStateUnreadableException>(() =>
            runtime.Client.ExecuteAsync(broken, new ConfirmOrder(), default));
        var readError = await Assert.ThrowsAsync<WorkflowStateUnreadableException>(() => runtime.Client.GetAsync(broken, default));
        var other = await runtime.Client.ExecuteAsync(healthy, RuntimeTestKit.Place(), default);

        Assert.Equal(broken, error.InstanceId);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Contains(broken, readError.Message, StringComparison.Ordinal);
        Assert.True(other.Applied);
    }

    [Fact]
    public async Task No_two_instances_share_a_row_key()
    {
        // Azurite finds an entity by RowKey and then scans every row with that RowKey, so shared keys would make
        // each operation slower with every instance stored.
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var ids = new[] { RuntimeTestKit.NewId(), RuntimeTestKit.NewId() };
        foreach (var id in ids)
        {
            await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        }

        await runtime.Engine.RunUntilIdleAsync(default);
        var table = azurite.TableService().GetTableClient(_names.TableName);
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == ids[0] || e.PartitionKey == ids[1]).ToListAsync();

        Assert.True(rows.Count(r => r.PartitionKey == ids[0]) >= 3);
        Assert.Equal(rows.Count, rows.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.EndsWith("|" + r.PartitionKey, r.RowKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_outside_the_row_layout_is_reported_naming_the_instance()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var table = azurite.TableService().GetTableClient(_names.TableName);
        await table.AddEntityAsync(new TableEntity(id, RowKeys.Timer("expiry")) { ["Token"] = "t" });

        var error = await Assert.ThrowsAsync<WorkflowStateUnreadableException>(() =>
            runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default));

        Assert.Equal(id, error.InstanceId);
        Assert.Contains("row layout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_instance_id_is_refused_naming_the_field()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runtime.Client.ExecuteAsync("a/b", RuntimeTestKit.Place(), default));

        Assert.Equal("instanceId", error.ParamName);
    }
}
