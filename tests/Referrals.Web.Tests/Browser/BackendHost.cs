using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Referrals.LocalHost;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>
/// The backend the web app calls, on a fixed port so it can be stopped and started again at the same address: the
/// Functions app run by the local host in-process (Development, its Durable engine on the same Azurite, one task hub
/// for this backend's life so a restart finds its own). The only class that knows how the backend runs.
/// </summary>
public sealed class BackendHost(int port, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private readonly string _hubName = "web" + Guid.NewGuid().ToString("N")[..16];
    private WebApplication? _app;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}");

    public bool IsRunning => _app is not null;

    public async Task StartAsync()
    {
        if (_app is not null)
        {
            return;
        }

        // The Functions app's settings files (appsettings.Development.json) as content root.
        var contentRoot = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions");
        var app = LocalFunctionsHost.Create(["--environment", "Development", "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalHost:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LocalHost:DurablePort"] = "0",
                ["AzureWebJobsStorage"] = settings.GetValueOrDefault("Storage:ConnectionString"),
                ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = _hubName,
            });
            builder.Configuration.AddInMemoryCollection(settings);
        });
        // Off xunit's synchronization context: the host's start awaits continuations that would otherwise queue
        // behind the blocked test thread.
        await Task.Run(() => app.StartAsync());
        _app = app;
    }

    /// <summary>Stops the host and frees the port (the address then refuses connections).</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
