extern alias localhost;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Testing;

namespace Referrals.App.Tests;

/// <summary>
/// The Functions app as the local host runs it (its own function classes from the build's functions.metadata, on
/// Kestrel on a free port, the Durable engine on Azurite), started on first use like WebApplicationFactory was.
/// Settings go in as configuration; <paramref name="services"/> runs after the app's own registrations, so a test
/// can replace any service.
/// </summary>
public class FunctionsAppHost(
    string environment,
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? services = null,
    Action<ILoggingBuilder>? logging = null,
    int port = 0) : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private Uri? _baseAddress;

    public IServiceProvider Services => Started().Services;

    public Uri BaseAddress
    {
        get
        {
            Started();
            return _baseAddress!;
        }
    }

    /// <summary>The Functions app's settings files (appsettings.json, appsettings.Development.json).</summary>
    public static string ContentRoot { get; } = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions");

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public Task StartAsync()
    {
        Started();
        return Task.CompletedTask;
    }

    private WebApplication Started()
    {
        lock (_gate)
        {
            if (_app is not null)
            {
                return _app;
            }

            var app = localhost::Referrals.LocalHost.LocalFunctionsHost.Create(["--environment", environment, "--contentRoot", ContentRoot], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["LocalHost:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["LocalHost:DurablePort"] = "0",
                    // Tests share one Azurite: each app gets its own task hub.
                    ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "hub" + Guid.NewGuid().ToString("N")[..16],
                    ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01",
                });
                if (settings.TryGetValue("Storage:ConnectionString", out var storage) && !settings.ContainsKey("AzureWebJobsStorage"))
                {
                    builder.Configuration.AddInMemoryCollection([new("AzureWebJobsStorage", storage)]);
                }

                builder.Configuration.AddInMemoryCollection(settings);
                logging?.Invoke(builder.Logging);

                builder.Host.UseServiceProviderFactory(new OverridingServiceProviderFactory(services, builder.Environment.IsDevelopment()));
            });
            // Synchronous like WebApplicationFactory's first use: tests read Services before any await.
            app.StartAsync().GetAwaiter().GetResult();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.Single();
            _baseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
            _app = app;
            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        WebApplication? app;
        lock (_gate)
        {
            app = _app;
            _app = null;
        }

        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
