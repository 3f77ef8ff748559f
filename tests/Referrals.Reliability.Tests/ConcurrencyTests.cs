using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.Reliability.Tests;

/// <summary>Two hosts on one task hub and one set of tables, as two instances of the app in Azure.</summary>
public sealed class ConcurrencyTests
{
    private const int Referrals = 200;

    [Fact]
    public async Task Two_hosts_apply_every_command_once_and_perform_every_effect_of_committed_decisions_only()
    {
        await using var system = await ReliabilitySystem.StartAsync();
        await using var first = await AppHost.StartAsync(system.PublicHostSettings());
        await using var second = await AppHost.StartAsync(system.Settings());
        ReliabilitySystem.MoveClocksToMorning(first, second);
        using var scoutA = await first.ClientForAsync("scout", "scout-a", org: ReliabilitySystem.ScoutOrganisation);
        using var scoutB = await second.ClientForAsync("scout", "scout-b", org: ReliabilitySystem.ScoutOrganisation);
        using var advisorA = await first.ClientForAsync("advisor", "advisor-a", msc: "nis");
        using var advisorB = await second.ClientForAsync("advisor", "advisor-b", msc: "nis");

        // Submissions alternate between the hosts, 16 at a time.
        var phones = Enumerable.Range(0, Referrals).Select(_ => SmsSandboxFixture.UniquePhone()).ToArray();
        var ids = new string[Referrals];
        await Parallel.ForEachAsync(Enumerable.Range(0, Referrals), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => ids[i] = await ReliabilitySystem.SubmitAsync(i % 2 == 0 ? scoutA : scoutB,
                ReliabilitySystem.Referral(first.Clock, phones[i])));

        // Every referral is acknowledged on both hosts at once: exactly one of each pair is applied.
        var outcomes = new ConcurrentBag<(HttpStatusCode A, HttpStatusCode B)>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var a = advisorA.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "On it." });
            var b = advisorB.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "On it." });
            using var responseA = await a;
            using var responseB = await b;
            outcomes.Add((responseA.StatusCode, responseB.StatusCode));
        });

        Assert.All(outcomes, pair => Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { pair.A, pair.B }.Order().ToArray()));

        // Each returnee gets the submission confirmation and one acknowledgement, never two; each referral one email.
        var all = await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(),
            messages => messages.Count >= 2 * Referrals, TimeSpan.FromSeconds(180), $"{2 * Referrals} SMS");
        var emails = await system.Mail.WaitForEmailsAsync(Referrals, TimeSpan.FromSeconds(120));
        foreach (var phone in phones)
        {
            Assert.Equal(2, all.Count(message => message.To == phone));
        }

        Assert.Equal(Referrals, emails.Count);
        Assert.Equal(2 * Referrals, all.Count);

        // The referrals agree: one acknowledgement on each timeline, both messages recorded as sent.
        foreach (var id in ids.Take(20))
        {
            var referral = (await advisorA.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!;
            Assert.Equal("acknowledged", referral["status"]!.GetValue<string>());
            Assert.Single(referral["timeline"]!.AsArray(), entry => entry!["type"]!.GetValue<string>() == "acknowledged");
        }
    }
}
