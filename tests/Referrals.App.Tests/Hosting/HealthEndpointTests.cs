using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

public sealed class HealthEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Healthz_with_storage_reachable_is_200_Healthy()
    {
        using var app = new FunctionsHostingAppFactory("Development", FunctionsHostingAppFactory.Settings(azurite.ConnectionString), azurite.ConnectionString);

        using var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_with_storage_down_is_503_with_the_reason_within_the_probe_timeout()
    {
        var closedPort = FreePort.Next();
        var unreachable = azurite.ConnectionString
            .Replace($":{azurite.TablePort}/", $":{closedPort}/", StringComparison.Ordinal)
            .Replace($":{azurite.QueuePort}/", $":{closedPort}/", StringComparison.Ordinal);
        using var app = new FunctionsHostingAppFactory("Development", FunctionsHostingAppFactory.Settings(unreachable), azurite.ConnectionString);
        var client = app.CreateClient();
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var reason = body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString();
        Assert.Contains("Table service", reason, StringComparison.Ordinal);
        Assert.Contains("Queue service", reason, StringComparison.Ordinal);
    }
}
