using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

public sealed class DeferAndParkListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task A_deferred_effect_waits_without_counting_an_attempt_and_records_its_follow_up()
    {
        var clock = RuntimeTestKit.Clock();
        // One attempt allowed: a deferral that counted as a failure would park the effect at once.
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 1);
        var until = RuntimeTestKit.Start.AddHours(3);
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.Effect.Id == "notify-sms" && clock.GetUtcNow() < until
                ? EffectOutcome.Defer(until, "quiet hours", new NotificationFailed("sms", "held")) : null);
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        var held = await runtime.Client.GetAsync(id, default);
        clock.Advance(TimeSpan.FromHours(3));
        await runtime.Engine.RunUntilIdleAsync(default);
        var sent = await runtime.Client.GetAsync(id, default);

        Assert.Equal(new PendingEffect("notify-sms", OrderDecider.NotifyEffect, EffectStatus.Pending, 0, until, "quiet hours"),
            Assert.Single(held!.Effects));
        Assert.Equal(["sms"], held.State.FailedNotifications);
        Assert.Empty(sent!.Effects);
        Assert.Contains("sms", sent.State.Notified);
        Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
    }

    [Fact]
    public async Task An_effect_the_runtime_parks_on_its_own_is_reported_to_the_instance_through_the_listener()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(),
            services: s =>
            {
                s.RemoveAll<IEffectHandler>();
                s.AddSingleton<IParkedEffectListener<OrderCommand>, ParkedAsFailed>();
            });
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);

        var snapshot = await runtime.Client.GetAsync(id, default);
        Assert.Equal(["email", "sms"], snapshot!.State.FailedNotifications.Order(StringComparer.Ordinal));
        Assert.All(snapshot.Effects, e => Assert.Equal(EffectStatus.Parked, e.Status));
    }

    private sealed class ParkedAsFailed : IParkedEffectListener<OrderCommand>
    {
        public OrderCommand? OnEffectParked(string effectId, string effectType, string reason) =>
            new NotificationFailed(effectId["notify-".Length..], reason);
    }
}
