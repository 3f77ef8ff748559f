using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Referrals.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Referrals.Reliability.Tests;

public sealed class PoisonTests
{
    [Fact]
    public async Task An_effect_that_always_throws_is_parked_visibly_and_other_referrals_go_on()
    {
        await using var system = await ReliabilitySystem.StartAsync();
        var poisoned = SmsSandboxFixture.UniquePhone();
        var healthy = SmsSandboxFixture.UniquePhone();
        await using var host = await AppHost.StartAsync(system.PublicHostSettings(new Dictionary<string, string?>
        {
            ["Coordinator:EffectAttempts"] = "2",
            ["Coordinator:FirstRetryInterval"] = "00:00:00.100",
            ["Coordinator:MaxRetryInterval"] = "00:00:00.200",
            ["Workflow:EffectMaxAttempts"] = "4",
            ["Workflow:EffectRetryBaseDelay"] = "00:00:00.200",
            ["Workflow:EffectRetryMaxDelay"] = "00:00:00.500",
        }), services => PoisonedSmsHandler.Install(services, poisoned));
        ReliabilitySystem.MoveClocksToMorning(host);
        using var scout = await host.ClientForAsync("scout", "scout-1", org: ReliabilitySystem.ScoutOrganisation);
        using var coordinator = await host.ClientForAsync("coordinator", "coordinator-1");

        var poisonedId = await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(host.Clock, poisoned));
        var healthyId = await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(host.Clock, healthy));

        var parked = await Wait.UntilAsync(
            () => host.Services.GetRequiredService<IWorkflowCoordination>().ListParkedAsync(CancellationToken.None),
            list => list.Any(p => p.InstanceId == poisonedId), TimeSpan.FromSeconds(60), "the poisoned SMS to be parked");
        var delivered = await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(healthy), m => m.Count >= 1,
            TimeSpan.FromSeconds(30), "the healthy referral's SMS");
        var referral = await Wait.UntilAsync(
            async () => (await coordinator.GetFromJsonAsync<JsonObject>($"/api/referrals/{poisonedId}"))!,
            r => r["messages"]!.AsArray().Any(m => m!["channel"]!.GetValue<string>() == "sms" && m["status"]!.GetValue<string>() == "parked"),
            TimeSpan.FromSeconds(30), "the referral to show its SMS parked");

        Assert.Contains(parked, p => p.InstanceId == poisonedId && p.Type == "referral.sendSms");
        Assert.Empty(await system.Sms.GetMessagesAsync(poisoned));
        Assert.Single(delivered);
        // The poisoned referral's other work went on: its MSC was emailed.
        Assert.Contains(referral["messages"]!.AsArray(), m => m!["channel"]!.GetValue<string>() == "email");
        Assert.NotEqual(poisonedId, healthyId);
    }
}
