using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Functions.Coordination;
using Referrals.Testing;

namespace Referrals.Reliability.Tests;

public sealed class BadInputTests
{
    [Fact]
    public async Task Events_and_messages_the_app_cannot_use_are_logged_with_the_referral_id_and_the_host_goes_on()
    {
        await using var system = await ReliabilitySystem.StartAsync();
        var logs = new List<string>();
        await using var host = await AppHost.StartAsync(system.PublicHostSettings(), logLines: logs);
        ReliabilitySystem.MoveClocksToMorning(host);
        using var scout = await host.ClientForAsync("scout", "scout-1", org: ReliabilitySystem.ScoutOrganisation);
        using var advisor = await host.ClientForAsync("advisor", "advisor-1", msc: "nis");
        var phone = SmsSandboxFixture.UniquePhone();
        var id = await ReliabilitySystem.SubmitAsync(scout, ReliabilitySystem.Referral(host.Clock, phone));
        await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(phone), m => m.Count >= 1, TimeSpan.FromSeconds(30), "the first SMS");

        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        // A change event with a payload the coordinator does not expect, and a coordinator started with garbage input.
        await durable.RaiseEventAsync(id, ReferralCoordinator.ChangedEvent, new[] { 1, 2, 3 });
        var stranger = "no-such-referral-" + Guid.NewGuid().ToString("N");
        await durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName, "not a cycle",
            new Microsoft.DurableTask.StartOrchestrationOptions(stranger));
        // A Twilio callback nobody signed.
        using var unsigned = new HttpClient { BaseAddress = host.BaseUrl };
        using var forged = await unsigned.PostAsync("/api/twilio/status",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered" }));

        // The referral still works end to end.
        using var acknowledged = await advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Seen." });
        var messages = await Wait.UntilAsync(() => system.Sms.GetMessagesAsync(phone), m => m.Count >= 2,
            TimeSpan.FromSeconds(30), "the acknowledgement SMS");
        var unusable = await Wait.UntilAsync(() => Task.FromResult(Snapshot(logs)),
            lines => lines.Any(line => line.Contains(stranger, StringComparison.Ordinal) && line.Contains("cannot read", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the unusable input to be logged");

        Assert.True(forged.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest,
            $"forged callback answered {(int)forged.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(2, messages.Count);
        Assert.Contains(unusable, line => line.Contains(stranger, StringComparison.Ordinal));
        var instance = await durable.GetInstanceAsync(id);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    private static List<string> Snapshot(List<string> logs)
    {
        lock (logs)
        {
            return [.. logs];
        }
    }
}
