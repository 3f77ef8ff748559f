using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Functions.Coordination;

namespace Referrals.LocalHost.Tests;

/// <summary>The app's functions plus test-only ones, to exercise the bindings beyond what the app uses today.</summary>
public sealed class TestMetadataHostFixture : LocalHostFixture
{
    public TickRecorder Ticks { get; } = new();

    protected override string? MetadataFile { get; } = TestMetadata.Write(
        withReal: true,
        TestMetadata.Function(WakeReferralHttp.FunctionName, $"{typeof(WakeReferralHttp).FullName}.{nameof(WakeReferralHttp.WakeAsync)}",
            TestMetadata.HttpTrigger("test/referrals/{id}/wake", "post"),
            TestMetadata.Binding("client", "durableClient"),
            TestMetadata.HttpReturn()),
        TestMetadata.Function(NumberHttp.FunctionName, $"{typeof(NumberHttp).FullName}.{nameof(NumberHttp.Get)}",
            TestMetadata.HttpTrigger("test/numbers/{number}", "get"),
            TestMetadata.HttpReturn()),
        TestMetadata.Function(TickTimer.FunctionName, $"{typeof(TickTimer).FullName}.{nameof(TickTimer.RunAsync)}",
            TestMetadata.Binding("timer", "timerTrigger", "In", ("schedule", "%TestTickSchedule%")),
            TestMetadata.Binding("client", "durableClient")));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Ticks);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("TestTickSchedule", "* * * * * *")];
}

public sealed class TestMetadataTests(TestMetadataHostFixture host) : IClassFixture<TestMetadataHostFixture>
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Timer_function_runs_on_the_schedule_its_setting_names()
    {
        var ticks = await Eventually.WaitAsync(
            () => Task.FromResult(host.Ticks.Count >= 2 ? host.Ticks.Ticks : null), s_deadline, "two timer runs");

        Assert.True(host.Ticks.ClientWasBound);
        // Every second: occurrences fall on whole seconds, later each run (a busy machine may skip one, never repeat one).
        var step = ticks[1].ScheduleStatus!.Next - ticks[0].ScheduleStatus!.Next;
        Assert.True(step >= TimeSpan.FromSeconds(1) && step.Ticks % TimeSpan.TicksPerSecond == 0, $"step {step}");
        Assert.All(ticks, tick => Assert.Equal(0, tick.ScheduleStatus!.Next.Ticks % TimeSpan.TicksPerSecond));
    }

    [Fact]
    public async Task Http_function_gets_its_route_value_and_the_durable_client()
    {
        var referral = $"ref-{Guid.NewGuid():N}";
        var script = host.Coordination.For(referral);
        await host.Durable.ScheduleNewOrchestrationInstanceAsync(
            ReferralCoordinator.FunctionName, new CoordinationCycle(Sleep: true, WakeAt: null),
            new Microsoft.DurableTask.StartOrchestrationOptions(referral));

        var response = await host.Http.PostAsync(new Uri($"/test/referrals/{referral}/wake", UriKind.Relative), content: null);
        var log = await script.WaitForAsync(log => log.Length >= 1, s_deadline, "the woken cycle");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["apply"], log);
    }

    [Fact]
    public async Task Action_result_is_executed_with_a_converted_route_value()
    {
        var reply = await host.Http.GetFromJsonAsync<NumberReply>(new Uri("/test/numbers/21", UriKind.Relative));

        Assert.Equal(new NumberReply(21, 42), reply);
    }

    [Fact]
    public async Task Route_value_that_does_not_convert_is_a_bad_request()
    {
        var response = await host.Http.GetAsync(new Uri("/test/numbers/twenty", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Method_not_declared_by_the_trigger_is_not_served()
    {
        var response = await host.Http.PostAsync(new Uri("/test/numbers/21", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
