using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.App.Hosting;
using Referrals.Workflow;
using Referrals.Testing;

namespace Referrals.LocalHost.Tests;

/// <summary>
/// A real Azurite on free ports and the local host over it, on free ports too. By default the host runs the
/// Functions app's real functions.metadata; a test-only metadata file can be given instead.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private WebApplication? _host;

    public ScriptedCoordination Coordination { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>How long the host took from Create to answering its first /healthz.</summary>
    public TimeSpan StartToHealthy { get; private set; }

    protected virtual string? MetadataFile => null;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        // The fixture waits for the table and queue ports; the task hub's leases also need blob.
        await Eventually.WaitAsync(() => Task.FromResult(IsListening(_azurite.BlobPort) ? "up" : null), TimeSpan.FromSeconds(30), "Azurite blob");
        var started = System.Diagnostics.Stopwatch.StartNew();
        _host = LocalFunctionsHost.Create(["--environment", "Development"], builder =>
        {
            ConfigureForTests(builder, _azurite.ConnectionString, Coordination);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:MetadataFile"] = MetadataFile });
            builder.Configuration.AddInMemoryCollection(Settings);
            ConfigureServices(builder.Services);
        });
        await _host.StartAsync();

        var address = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address) };
        await Eventually.WaitAsync(
            async () => (await Http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode ? "healthy" : null,
            TimeSpan.FromSeconds(30),
            "/healthz");
        StartToHealthy = started.Elapsed;
    }

    /// <summary>What every test host gets: free ports, the given storage, valid app settings, quick Durable polling
    /// and retries, the scripted coordination in place of the workflow's, and no digest.</summary>
    public static void ConfigureForTests(WebApplicationBuilder builder, string storageConnectionString, IWorkflowCoordination coordination)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalHost:Port"] = "0",
            ["AzureWebJobsStorage"] = storageConnectionString,
            // Durable timers are queue messages; a short idle back-off lets a due timer be seen quickly.
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01",
            ["Coordinator:EffectAttempts"] = "2",
            ["Coordinator:FirstRetryInterval"] = "00:00:00.200",
            ["Coordinator:MaxRetryInterval"] = "00:00:00.500",
        });
        builder.Configuration.AddInMemoryCollection(AppSettings.Valid(storageConnectionString));
        builder.Services.AddSingleton(coordination);
        builder.Services.AddSingleton<IDailyDigestJob, NoDigest>();
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private sealed class NoDigest : IDailyDigestJob
    {
        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
