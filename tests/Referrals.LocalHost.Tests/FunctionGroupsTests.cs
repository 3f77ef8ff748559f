using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Functions.Coordination;
using Referrals.Testing;

namespace Referrals.LocalHost.Tests;

/// <summary>
/// Function groups in separate local hosts on one task hub, as Flex Consumption runs the HTTP and Durable groups on
/// instances of their own: the HTTP host serves requests and schedules work, the Durable host runs it.
/// </summary>
public sealed class FunctionGroupsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly ScriptedCoordination _coordination = new();
    private WebApplication? _http;
    private WebApplication? _durable;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _http = await StartAsync("Http");
        _durable = await StartAsync("Durable, Timers");
    }

    [Fact]
    public async Task The_http_group_serves_requests_and_the_durable_group_runs_the_orchestrations_the_http_group_schedules()
    {
        using var http = ClientFor(_http!);
        using var durable = ClientFor(_durable!);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await durable.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Empty(_http!.Services.GetServices<IHostedService>().OfType<DurableTaskWorker>());
        Assert.Single(_durable!.Services.GetServices<IHostedService>().OfType<DurableTaskWorker>());
        Assert.DoesNotContain(_http.Services.GetServices<IHostedService>(), service => service.GetType().Name == "TimerTriggerService");
        Assert.Contains(_durable.Services.GetServices<IHostedService>(), service => service.GetType().Name == "TimerTriggerService");

        var referral = $"ref-{Guid.NewGuid():N}";
        var script = _coordination.For(referral);
        script.Add("welcome-sms");
        await _http.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(
            ReferralCoordinator.FunctionName, new CoordinationCycle(Sleep: false, WakeAt: null), new StartOrchestrationOptions(referral));
        var log = await script.WaitForAsync(steps => steps.Count(step => step == "apply") >= 2, TimeSpan.FromSeconds(30),
            "the coordinator scheduled by the HTTP group");

        Assert.Contains("perform welcome-sms", log);
    }

    private async Task<WebApplication> StartAsync(string groups)
    {
        var host = LocalFunctionsHost.Create(["--environment", "Development"], builder =>
        {
            LocalHostFixture.ConfigureForTests(builder, _azurite.ConnectionString, _coordination);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:Groups"] = groups });
        });
        await host.StartAsync();
        return host;
    }

    private static HttpClient ClientFor(WebApplication host) => new()
    {
        BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()),
    };

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _http, _durable })
        {
            if (host is not null)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }

        await _azurite.DisposeAsync();
    }

}
