using Azure.Data.Tables;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

/// <summary>
/// Inline effects (<see cref="IEffectHandler.PerformsInline"/>, the read models) are performed by whoever committed
/// the decision that asked for them: a command's after-commit work instead of a wake-up, a coordinator step in the
/// same step. Whatever that attempt leaves undone, the coordinator performs as any effect.
/// </summary>
public sealed class InlineEffectTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task A_command_whose_only_new_work_is_an_inline_effect_performs_it_and_wakes_nobody()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = await PlacedAndSettledAsync(runtime);
        var wakes = runtime.Engine.Wakes;

        var noted = await runtime.Client.ExecuteAsync(id, new NoteOrder("Milk, please"), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);

        Assert.True(noted.Applied);
        Assert.Equal(wakes, runtime.Engine.Wakes);
        Assert.Equal(1, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
        Assert.Empty(await WakeMarkersAsync(id));
    }

    [Fact]
    public async Task An_inline_effect_that_fails_after_the_command_wakes_the_coordinator_which_performs_it()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = await PlacedAndSettledAsync(runtime);
        var wakes = runtime.Engine.Wakes;
        var failures = 1;
        runtime.Views.Behavior = (_, _) => Task.FromResult(Interlocked.Decrement(ref failures) >= 0
            ? EffectOutcome.Retry("A concurrent projection update; trying again.")
            : null);

        await runtime.Client.ExecuteAsync(id, new NoteOrder("Milk, please"), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);

        // Not recorded as an attempt (the coordinator's retry policy decides), and the coordinator is told of it.
        Assert.Equal(wakes + 1, runtime.Engine.Wakes);
        Assert.Contains(runtime.Engine.Announced, wake => wake.InstanceId == id && wake.DueEffectIds.Contains("view-1"));
        Assert.Equal(0, Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects).Attempts);
        Assert.Empty(await WakeMarkersAsync(id));

        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(1, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
    }

    [Fact]
    public async Task An_inline_effect_that_throws_after_the_command_is_left_to_the_coordinator()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = await PlacedAndSettledAsync(runtime);
        var wakes = runtime.Engine.Wakes;
        runtime.Views.Behavior = (_, _) => throw new TimeoutException("Storage did not answer.");

        await runtime.Client.ExecuteAsync(id, new NoteOrder("Milk, please"), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);
        runtime.Views.Behavior = null;
        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(wakes + 1, runtime.Engine.Wakes);
        Assert.Equal(1, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
    }

    [Fact]
    public async Task A_command_that_adds_an_inline_effect_and_other_work_wakes_the_coordinator_for_both()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = await PlacedAndSettledAsync(runtime);
        var wakes = runtime.Engine.Wakes;

        await runtime.Client.ExecuteAsync(id, new NoteOrder("Milk, please", Notify: true), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);

        Assert.Equal(wakes + 1, runtime.Engine.Wakes);
        Assert.Equal(0, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Equal(2, (await runtime.Client.GetAsync(id, default))!.Effects.Count);

        await runtime.Engine.RunUntilIdleAsync(default);

        Assert.Equal(1, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-view-1"));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
    }

    [Fact]
    public async Task An_effect_whose_follow_up_adds_an_inline_effect_performs_that_in_the_same_step()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);
        runtime.Notifications.Behavior = (context, _) =>
        {
            runtime.Notifications.RecordPerformed(context);
            return Task.FromResult<EffectOutcome?>(EffectOutcome.Done(new NoteOrder("Sent by email")));
        };

        var step = await runtime.Coordination.PerformEffectAsync(id, "notify-email", default);

        Assert.Equal(EffectStepKind.Done, step.Kind);
        Assert.Equal(1, runtime.Views.PerformedCount(id, "view-1"));
        // Only the other notification is left for the coordinator.
        Assert.Equal("notify-sms", Assert.Single((await runtime.Client.GetAsync(id, default))!.Effects).Id);
    }

    [Fact]
    public async Task An_inline_effect_a_follow_up_added_stays_due_when_it_fails_and_the_look_returns_it()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.WakeUps.WhenAllDoneAsync(default);
        runtime.Notifications.Behavior = (_, _) => Task.FromResult<EffectOutcome?>(EffectOutcome.Done(new NoteOrder("Sent")));
        runtime.Views.Behavior = (_, _) => Task.FromResult<EffectOutcome?>(EffectOutcome.Retry("Busy."));

        var step = await runtime.Coordination.PerformEffectAsync(id, "notify-email", default);
        var due = await runtime.Coordination.ApplyDueAsync(id, default);

        Assert.Equal(EffectStepKind.Done, step.Kind);
        Assert.Equal(0, runtime.Views.PerformedCount(id, "view-1"));
        Assert.Equal(["notify-sms", "view-1"], due.Effects.Select(effect => effect.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deadline_whose_decision_adds_an_inline_effect_has_it_performed_by_the_look_that_fired_it()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock);
        var id = await PlacedAndSettledAsync(runtime);
        var reviewAt = clock.GetUtcNow().AddMinutes(30);
        await runtime.Client.ExecuteAsync(id, new ReviewOrderAt(reviewAt), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        clock.Advance(TimeSpan.FromMinutes(30));

        var due = await runtime.Coordination.ApplyDueAsync(id, default);

        Assert.Empty(due.Effects);
        Assert.Equal(1, runtime.Views.Performed.Count(p => p.InstanceId == id && p.EffectId.StartsWith("view-review-", StringComparison.Ordinal)));
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
        // The expiry is still ahead, so the coordinator sleeps until then.
        Assert.Equal(RuntimeTestKit.Start.AddHours(1), due.NextDueAt);
    }

    private static async Task<string> PlacedAndSettledAsync(ReferenceRuntime runtime)
    {
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        Assert.Empty((await runtime.Client.GetAsync(id, default))!.Effects);
        return id;
    }

    private async Task<List<TableEntity>> WakeMarkersAsync(string instanceId)
    {
        var index = azurite.TableService().GetTableClient(_names.TimerIndexTableName);
        var rows = await index.QueryAsync<TableEntity>().ToListAsync();
        return rows.Where(r => r.RowKey.StartsWith($"{instanceId}|{TimerIndex.WakeKind}|", StringComparison.Ordinal)).ToList();
    }
}
