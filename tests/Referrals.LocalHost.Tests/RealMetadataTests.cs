using Microsoft.DurableTask;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Functions.Coordination;
using Referrals.Functions.Digest;
using Referrals.Functions.Health;
using Referrals.Functions.Sweep;
using Referrals.LocalHost.Catalog;
using Referrals.Workflow.Runtime;
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

    /// <summary>Hosted services start in order and stop in reverse: a command's wake-up still under way at shutdown
    /// needs the sidecar, so the sidecar must stop after the app's services, and listen before the worker connects.</summary>
    [Fact]
    public void The_sidecar_starts_before_the_apps_services_and_the_worker_and_stops_after_them()
    {
        var services = host.Services.GetServices<IHostedService>().ToList();

        var sidecar = services.FindIndex(service => service.GetType().Name == "DurableSidecar");
        var wakeUps = services.FindIndex(service => service is PendingWakeUps);
        var worker = services.FindIndex(service => service is DurableTaskWorker);

        Assert.True(sidecar >= 0 && sidecar < wakeUps && wakeUps < worker,
            string.Join(", ", services.Select(service => service.GetType().Name)));
    }

    [Fact]
    public void Every_function_in_the_real_metadata_is_runnable()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(TestMetadata.RealPath));
        var declared = metadata.RootElement.EnumerateArray().Select(function => function.GetProperty("name").GetString()).Order().ToArray();

        var catalog = host.Services.GetRequiredService<FunctionCatalog>();

        Assert.Equal(declared, catalog.Functions.Select(function => function.Name).Order().ToArray());
        Assert.Equal(
            new[]
            {
                ApplyDueWorkActivity.FunctionName, PerformEffectActivity.FunctionName, GiveUpEffectActivity.FunctionName,
                ReferralCoordinator.FunctionName, SafetySweep.FunctionName, DailyDigest.FunctionName,
            }.Order(),
            catalog.Functions.Where(f => f.Kind != FunctionKind.Http).Select(f => f.Name).Order());
        Assert.Contains(HealthHttp.FunctionName, declared);
        Assert.Equal(FunctionKind.Orchestrator, catalog.Functions.Single(f => f.Name == ReferralCoordinator.FunctionName).Kind);
        Assert.Equal(FunctionKind.Activity, catalog.Functions.Single(f => f.Name == ApplyDueWorkActivity.FunctionName).Kind);
        Assert.Equal("0 */1 * * * *", catalog.Functions.Single(f => f.Name == SafetySweep.FunctionName).Schedule);
    }

    /// <summary>In Azure a function gets a Durable client only from its binding, and a commit without one cannot
    /// wake the referral's coordinator (the local host would fall back to its own client and hide the mistake).</summary>
    [Fact]
    public void Every_http_function_that_changes_something_takes_the_durable_client_binding()
    {
        // They change no referral: a token, an SMS preview, the catch-all 404.
        var changeNothing = new HashSet<string>(StringComparer.Ordinal) { "IssueDevToken", "PreviewSms", "ApiNotFound" };
        using var metadata = JsonDocument.Parse(File.ReadAllText(TestMetadata.RealPath));

        var missing = metadata.RootElement.EnumerateArray()
            .Where(function => function.GetProperty("bindings").EnumerateArray().Any(binding =>
                binding.GetProperty("type").GetString() == "httpTrigger"
                && binding.GetProperty("methods").EnumerateArray().Any(method => method.GetString() != "get")))
            .Where(function => !function.GetProperty("bindings").EnumerateArray()
                .Any(binding => binding.GetProperty("type").GetString() == "durableClient"))
            .Select(function => function.GetProperty("name").GetString()!)
            .Where(name => !changeNothing.Contains(name))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Coordinator_performs_due_effects_at_once_then_sleeps_until_a_change_wakes_it_before_a_ten_day_timer()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.Add("welcome-sms", "msc-email");
        script.NextDueAt = DateTimeOffset.UtcNow.AddDays(10);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        var settled = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 2, s_deadline, "the first cycle");

        // Both effects in parallel between two looks; the second look found nothing due, so it sleeps.
        Assert.Equal("apply", settled[0]);
        Assert.Equal(["perform msc-email", "perform welcome-sms"], settled[1..3].Order().ToArray());
        Assert.Equal("apply", settled[3]);

        script.Add("reminder-sms");
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, new ReferralChanged(DateTimeOffset.UtcNow));
        var woken = await script.WaitForAsync(log => log.Contains("perform reminder-sms"), s_deadline, "the woken cycle");

        Assert.Single(woken, step => step == "perform welcome-sms");
        var instance = await host.Durable.GetInstanceAsync(referral);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task Coordinator_looks_again_when_its_next_deadline_passes()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.NextDueAt = DateTimeOffset.UtcNow.AddSeconds(2);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the first look");
        script.NextDueAt = null;
        var looks = await script.WaitForAsync(log => log.Length >= 2, s_deadline, "the look at the deadline");

        Assert.All(looks, step => Assert.Equal("apply", step));
    }

    [Fact]
    public async Task An_effect_that_keeps_failing_is_retried_by_policy_then_given_up_while_the_others_are_done()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.Add("broken-email", "welcome-sms");
        script.AlwaysFailing.Add("broken-email");

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        var log = await script.WaitForAsync(log => log.Any(step => step.StartsWith("give up", StringComparison.Ordinal)),
            s_deadline, "the broken effect to be given up");

        // Two attempts (the policy in the fixture's settings), then its attempts are counted against its budget.
        Assert.Equal(2, log.Count(step => step == "perform broken-email"));
        Assert.Contains("give up broken-email after 2: The provider answered 500.", log);
        Assert.Contains("perform welcome-sms", log);
        Assert.Equal(ScriptedCoordination.EffectState.Done, script.Effects["welcome-sms"]);
    }

    [Fact]
    public async Task A_change_event_the_coordinator_cannot_read_still_wakes_it_and_does_not_stop_it()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the first look");
        script.Add("after-garbage");
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, "not the payload it expects");
        await script.WaitForAsync(log => log.Contains("perform after-garbage"), s_deadline, "the woken cycle");

        var instance = await host.Durable.GetInstanceAsync(referral);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    // The fixture's policy (Coordinator settings), as the waker puts it in a new coordinator's input.
    private static readonly EffectRetrySettings s_retry =
        new(2, TimeSpan.FromMilliseconds(200), 2, TimeSpan.FromMilliseconds(500));

    [Fact]
    public async Task A_coordinator_started_with_due_effect_ids_performs_them_before_it_first_looks()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.Add("welcome-sms", "msc-email", "later-sms");
        script.NextDueAt = DateTimeOffset.UtcNow.AddDays(10);

        // later-sms is not announced (as one not due yet): the look finds it. Duplicates are performed once.
        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null, ["welcome-sms", "msc-email", "welcome-sms"], s_retry),
            new StartOrchestrationOptions(referral));
        var log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 2, s_deadline, "the first cycle");

        Assert.Equal(["perform msc-email", "perform welcome-sms"], log[..2].Order().ToArray());
        Assert.Equal(["apply", "perform later-sms", "apply"], log[2..]);

        // A change with nothing announced: the next cycle performs nothing again.
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, new ReferralChanged(DateTimeOffset.UtcNow));
        log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 3, s_deadline, "the woken cycle");

        Assert.Equal(["apply"], log[5..]);
        Assert.All(new[] { "welcome-sms", "msc-email", "later-sms" }, id => Assert.Single(log, step => step == $"perform {id}"));
    }

    [Fact]
    public async Task Due_effect_ids_are_left_to_the_look_when_the_input_has_no_retry_policy()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.Add("welcome-sms");

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null, ["welcome-sms"]), new StartOrchestrationOptions(referral));
        var log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 2, s_deadline, "the first cycle");

        Assert.Equal(["apply", "perform welcome-sms", "apply"], log);
    }

    [Fact]
    public async Task A_change_event_with_due_effect_ids_makes_a_sleeping_coordinator_perform_them_before_it_looks()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        script.NextDueAt = DateTimeOffset.UtcNow.AddDays(10);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the first look");
        script.Add("reminder-sms", "staff-email");
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent,
            new ReferralChanged(DateTimeOffset.UtcNow, ["reminder-sms", "staff-email"]));
        var log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 2, s_deadline, "the woken cycle");

        // The retry policy came from the first look, across ContinueAsNew.
        Assert.Equal("apply", log[0]);
        Assert.Equal(["perform reminder-sms", "perform staff-email"], log[1..3].Order().ToArray());
        Assert.Equal(["apply"], log[3..]);
        var instance = await host.Durable.GetInstanceAsync(referral);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_change_event_with_ids_of_the_wrong_shape_still_wakes_the_coordinator_and_the_look_finds_the_work()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the first look");
        script.Add("after-garbage");
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent, new { At = "yesterday", DueEffects = 42 });
        var log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 3, s_deadline, "the woken cycle");

        Assert.Equal(["apply", "apply", "perform after-garbage", "apply"], log);
        var instance = await host.Durable.GetInstanceAsync(referral);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_change_raised_while_a_cycle_is_busy_wakes_the_next_cycle_and_its_effect_is_performed_once()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        script.HoldApply = hold;

        await host.Durable.ScheduleNewOrchestrationInstanceAsync(ReferralCoordinator.FunctionName,
            new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the first look to start");
        // A commit during the look: its effect is stored first, then the event raised.
        script.Add("late-sms");
        await host.Durable.RaiseEventAsync(referral, ReferralCoordinator.ChangedEvent,
            new ReferralChanged(DateTimeOffset.UtcNow, ["late-sms"]));
        script.HoldApply = null;
        hold.SetResult();
        string[] log;
        try
        {
            log = await script.WaitForAsync(log => log.Count(step => step == "apply") >= 3, s_deadline,
                "the cycle after the busy one");
        }
        finally
        {
            output.WriteLine(string.Join(" / ", script.Log));
        }

        // The busy cycle's look found it; the buffered event woke the next cycle, whose attempt was a no-op.
        Assert.Equal(["apply", "perform late-sms", "apply", "perform late-sms: gone", "apply"], log);
    }
}
