using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.App.Hosting;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

public sealed class StandaloneModeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("OutboxDispatch")]
    [InlineData("TimerSweep")]
    [InlineData("DailyDigest")]
    public async Task Without_the_Functions_host_the_trigger_routes_do_not_exist(string function)
    {
        using var app = new HostingAppFactory("Development", HostingAppFactory.Settings(azurite.ConnectionString));
        using var content = new StringContent("""{"Data":{},"Metadata":{}}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.CreateClient().PostAsync(new Uri($"/{function}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HostingMode.Standalone, app.Services.GetRequiredService<HostingModeDecision>().Mode);
        Assert.Equal(0, app.Engine.Sweeps);
    }

    [Fact]
    public void Standalone_runs_the_digest_job_in_process_and_custom_handler_mode_does_not()
    {
        using var standalone = new HostingAppFactory("Development", HostingAppFactory.Settings(azurite.ConnectionString));
        using var customHandler = new HostingAppFactory("Development",
            HostingAppFactory.Settings(azurite.ConnectionString, ("Hosting:Mode", "CustomHandler")));

        Assert.Contains(standalone.Services.GetServices<IHostedService>(), service => service.GetType().Name == "DailyDigestService");
        Assert.DoesNotContain(customHandler.Services.GetServices<IHostedService>(), service => service.GetType().Name == "DailyDigestService");
    }
}
