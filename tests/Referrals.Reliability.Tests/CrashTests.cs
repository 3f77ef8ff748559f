using Referrals.Testing;

namespace Referrals.Reliability.Tests;

public sealed class CrashTests
{
    [Fact]
    public async Task A_process_that_dies_between_the_commit_and_the_wake_up_loses_nothing_the_next_host_sweeps_it_up()
    {
        await using var system = await ReliabilitySystem.StartAsync();
        var fast = new Dictionary<string, string?>
        {
            ["Workflow:WakeGrace"] = "00:00:01",
            ["Coordinator:SweepGrace"] = "00:00:01",
        };
        var phone = SmsSandboxFixture.UniquePhone();
        TimeSpan offset;
        string id;
        await using (var dying = await AppHost.StartAsync(system.PublicHostSettings(fast), DyingWaker.Install))
        {
            ReliabilitySystem.MoveClocksToMorning(dying);
            offset = dying.Clock.Offset;
            using var scout = await dying.ClientForAsync("scout", "scout-1", org: ReliabilitySystem.ScoutOrganisation);

            // The decision is committed and answered; only the wake-up is lost with the process.
            id = await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(dying.Clock, phone));
        }

        Assert.Empty(await system.Sms.GetMessagesAsync(phone));

        await using var survivor = await AppHost.StartAsync(system.PublicHostSettings(fast));
        survivor.Clock.Advance(offset);
        // The safety sweep runs every minute on the business clock; move it past the next run.
        survivor.Clock.Advance(TimeSpan.FromSeconds(61));

        var messages = await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(phone), m => m.Count >= 1,
            TimeSpan.FromSeconds(60), "the confirmation SMS after the sweep");
        var emails = await system.Mail.WaitForEmailsAsync(1, TimeSpan.FromSeconds(30));

        Assert.Single(messages);
        Assert.Single(emails);
        Assert.False(string.IsNullOrEmpty(id));
    }
}
