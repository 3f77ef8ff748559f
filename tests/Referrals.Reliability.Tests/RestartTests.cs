using Referrals.Testing;

namespace Referrals.Reliability.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task The_host_recovers_from_an_Azurite_restart_mid_run_without_manual_action()
    {
        await using var system = await ReliabilitySystem.StartAsync(onDisk: true);
        await using var host = await AppHost.StartAsync(system.PublicHostSettings());
        ReliabilitySystem.MoveClocksToMorning(host);
        using var scout = await host.ClientForAsync("scout", "scout-1", org: ReliabilitySystem.ScoutOrganisation);

        var before = Enumerable.Range(0, 5).Select(_ => SmsSandboxFixture.UniquePhone()).ToList();
        foreach (var phone in before)
        {
            await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(host.Clock, phone));
        }

        await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(), m => before.All(p => m.Any(x => x.To == p)),
            TimeSpan.FromSeconds(60), "the SMS before the restart");
        await system.WaitUntilAzuriteSavedAsync();
        await system.Azurite.RestartAsync();

        // Requests may fail while storage comes back; the client retries as any client would.
        var after = Enumerable.Range(0, 5).Select(_ => SmsSandboxFixture.UniquePhone()).ToList();
        foreach (var phone in after)
        {
            await Wait.UntilAsync(async () =>
            {
                try
                {
                    return await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(host.Clock, phone));
                }
                catch (Exception exception) when (exception is HttpRequestException or Xunit.Sdk.TrueException)
                {
                    return null;
                }
            }, id => id is not null, TimeSpan.FromSeconds(60), "a submission after the restart");
        }

        var messages = await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(), m => after.All(p => m.Any(x => x.To == p)),
            TimeSpan.FromSeconds(120), "the SMS after the restart");

        Assert.All(before.Concat(after), phone => Assert.Single(messages, m => m.To == phone));
    }
}
