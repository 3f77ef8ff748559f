using Microsoft.DurableTask;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Functions.Coordination;
using Referrals.Functions.Health;
using Referrals.Functions.Sweep;
using Referrals.LocalHost.Catalog;
using Xunit.Abstractions;

namespace Referrals.LocalHost.Tests;

/// <summary>The local host over the Functions app's real functions.metadata, on a real Azurite.</summary>
public sealed class RealMetadataTests(LocalHostFixture host, ITestOutputHelper output) : IClassFixture<LocalHostFixture>
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Healthz_answers_healthy_on_the_real_metadata()
    {
        output.WriteLine($"Local host start to healthy /healthz: {host.StartToHealthy.TotalMilliseconds:0} ms");

        var response = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public void The_build_output_has_the_metadata_and_the_host_extensions()
    {
        Assert.True(File.Exists(Path.Combine(TestMetadata.FunctionsBuildOutput, "functions.metadata")), TestMetadata.FunctionsBuildOutput);
        Assert.True(Directory.Exists(Path.Combine(TestMetadata.FunctionsBuildOutput, ".azurefunctions")), TestMetadata.FunctionsBuildOutput);
        Assert.True(File.Exists(Path.Combine(TestMetadata.FunctionsBuildOutput, "host.json")), TestMetadata.FunctionsBuildOutput);
    }

    [Fact]
    public void Every_function_in_the_real_metadata_is_runnable()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(TestMetadata.RealPath));
        var declared = metadata.RootElement.EnumerateArray().Select(function => function.GetProperty("name").GetString()).Order().ToArray();

        var catalog = host.Services.GetRequiredService<FunctionCatalog>();

        Assert.Equal(declared, catalog.Functions.Select(function => function.Name).Order().ToArray());
        Assert.Equal(
            new[] { ApplyDueWorkActivity.FunctionName, ReferralCoordinator.FunctionName, SafetySweep.FunctionName }.Order(),
            catalog.Functions.Where(f => f.Kind != FunctionKind.Http).Select(f => f.Name).Order());
        Assert.Contains(HealthHttp.FunctionName, declared);
        Assert.Equal(FunctionKind.Orchestrator, catalog.Functions.Single(f => f.Name == ReferralCoordinator.FunctionName).Kind);
        Assert.Equal(FunctionKind.Activity, catalog.Functions.Single(f => f.Name == ApplyDueWorkActivity.FunctionName).Kind);
        Assert.Equal("0 */1 * * * *", catalog.Functions.Single(f => f.Name == SafetySweep.FunctionName).Schedule);
    }

    [Fact]
    public async Task Coordinator_wakes_on_the_changed_event_before_a_ten_day_timer_and_keeps_coordinating()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        host.Cycle.AnswerFor(referral, work => new CycleOutcome(null, Closed: host.Cycle.Applied.Count(w => w.ReferralId == referral) >= 2));
        await host.Durable.ScheduleNewOrchestrationInstanceAsync(
            ReferralCoordinator.FunctionName,
            new CoordinationCycle(referral, DateTimeOffset.UtcNow.AddDays(10)),
            new StartOrchestrationOptions(referral));

        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, new ReferralChanged(DateTimeOffset.UtcNow));
        var first = await host.Cycle.WaitForAsync(referral, 1, s_deadline);

        Assert.Equal(WakeReason.Changed, first[0].Reason);

        // The cycle continued as new with no deadline; the next change is applied too, and closes the referral.
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, new ReferralChanged(DateTimeOffset.UtcNow));
        var both = await host.Cycle.WaitForAsync(referral, 2, s_deadline);
        var final = await Eventually.WaitAsync(
            async () => await host.Durable.GetInstanceAsync(referral) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done ? done : null,
            s_deadline,
            "the coordinator to complete");

        Assert.All(both, work => Assert.Equal(WakeReason.Changed, work.Reason));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
    }

    [Fact]
    public async Task Coordinator_applies_due_work_when_its_deadline_passes()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        host.Cycle.AnswerFor(referral, _ => new CycleOutcome(null, Closed: true));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(1);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(
            ReferralCoordinator.FunctionName, new CoordinationCycle(referral, deadline), new StartOrchestrationOptions(referral));
        var applied = await host.Cycle.WaitForAsync(referral, 1, s_deadline);

        Assert.Equal(WakeReason.DeadlineDue, applied[0].Reason);
        // The time handed to the activity is the orchestration's replay-safe time, not before the deadline.
        Assert.True(applied[0].At >= deadline.AddMilliseconds(-1), $"{applied[0].At:O} before {deadline:O}");
    }
}
