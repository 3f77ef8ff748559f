using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

/// <summary>
/// A timer fires from a partial read (the state row and that timer's row, by point reads). What the partial view
/// did not read must still come out right: a cancelled timer it never saw is deleted, and a clash with a row it
/// never saw fails the transaction so the caller reloads the whole partition.
/// </summary>
public sealed class PartialPartitionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuntimeTestKit.Start;
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();
    private InstanceStore _store = null!;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.TableService().GetTableClient(_names.TableName);
        await _table.CreateIfNotExistsAsync();
        await azurite.TableService().GetTableClient(_names.TimerIndexTableName).CreateIfNotExistsAsync();
        _store = new InstanceStore(azurite.TableService(), new TimerIndex(azurite.TableService(), Options.Create(_names)),
            Options.Create(_names), new NoPayloadProtection());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_partial_read_holds_the_state_and_only_the_named_timer()
    {
        var id = await CreateWithTimersAsync("a", "b");

        var partition = await _store.LoadPartAsync<Counter>(id, RowKeys.Timer("a"), default);

        Assert.False(partition.IsComplete);
        Assert.Equal(1, partition.State!.Value);
        Assert.Equal(["a"], partition.Timers.Keys);
        Assert.Empty(partition.Outbox);
    }

    [Fact]
    public async Task Cancelling_a_timer_the_partial_read_did_not_see_deletes_its_row()
    {
        var id = await CreateWithTimersAsync("a", "b");
        var partition = await _store.LoadPartAsync<Counter>(id, RowKeys.Timer("a"), default);

        partition.FireTimer("a");
        partition.Apply(Decision<Counter>.Accept(new Counter(2), timers: [TimerChange.Cancel("b")]), Now);
        var committed = await _store.TryCommitAsync(partition, default);

        Assert.True(committed);
        var whole = await _store.LoadAsync<Counter>(id, default);
        Assert.Empty(whole.Timers);
        Assert.Equal(2, whole.State!.Value);
    }

    [Fact]
    public async Task Cancelling_a_timer_that_does_not_exist_fails_the_partial_commit_and_writes_nothing()
    {
        var id = await CreateWithTimersAsync("a");
        var partition = await _store.LoadPartAsync<Counter>(id, RowKeys.Timer("a"), default);

        partition.FireTimer("a");
        partition.Apply(Decision<Counter>.Accept(new Counter(2), timers: [TimerChange.Cancel("never-set")]), Now);
        var committed = await _store.TryCommitAsync(partition, default);

        Assert.False(committed);
        var whole = await _store.LoadAsync<Counter>(id, default);
        Assert.Equal(["a"], whole.Timers.Keys);
        Assert.Equal(1, whole.State!.Value);
    }

    [Fact]
    public async Task An_effect_id_that_clashes_with_an_unread_outbox_row_fails_the_partial_commit()
    {
        var id = await CreateWithTimersAsync("a");
        var existing = await _store.LoadAsync<Counter>(id, default);
        existing.Apply(Decision<Counter>.Accept(new Counter(1), effects: [Effect("notify")]), Now);
        Assert.True(await _store.TryCommitAsync(existing, default));
        var partition = await _store.LoadPartAsync<Counter>(id, RowKeys.Timer("a"), default);

        partition.FireTimer("a");
        partition.Apply(Decision<Counter>.Accept(new Counter(2), effects: [Effect("notify")]), Now);
        var committed = await _store.TryCommitAsync(partition, default);

        Assert.False(committed);
        var whole = await _store.LoadAsync<Counter>(id, default);
        Assert.Single(whole.Outbox.Values, item => item.EffectId == "notify");
        Assert.Equal(["a"], whole.Timers.Keys);
    }

    [Fact]
    public async Task Setting_again_a_timer_cancelled_blind_in_the_same_decision_keeps_the_new_one()
    {
        var id = await CreateWithTimersAsync("a", "b");
        var partition = await _store.LoadPartAsync<Counter>(id, RowKeys.Timer("a"), default);

        partition.FireTimer("a");
        partition.Apply(Decision<Counter>.Accept(new Counter(2), timers: [TimerChange.Cancel("b")]), Now);
        partition.Apply(Decision<Counter>.Accept(new Counter(3), timers: [TimerChange.Set("b", Now.AddDays(2), "b2")]), Now);
        var committed = await _store.TryCommitAsync(partition, default);

        Assert.True(committed);
        var whole = await _store.LoadAsync<Counter>(id, default);
        Assert.Equal("b2", Assert.Single(whole.Timers.Values).Token);
    }

    private async Task<string> CreateWithTimersAsync(params string[] kinds)
    {
        var id = RuntimeTestKit.NewId();
        var partition = InstancePartition<Counter>.New(id, new NoPayloadProtection());
        partition.Apply(Decision<Counter>.Accept(new Counter(1),
            timers: [.. kinds.Select(kind => TimerChange.Set(kind, Now.AddDays(1), kind + "1"))]), Now);
        Assert.True(await _store.TryCommitAsync(partition, default));
        return id;
    }

    private static EffectRequest Effect(string id) => EffectRequest.Create("counter.notify", id, new { id });

    public sealed record Counter(int Value);
}
