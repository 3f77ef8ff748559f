using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.App.Hosting.Clock;
using Referrals.LocalHost;
using Referrals.Testing;

namespace Referrals.Reliability.Tests;

/// <summary>One process of the Functions app as the local host runs it (HTTP on a free port, the Durable engine on
/// the shared Azurite and task hub). Several of them with the same settings act as several instances of the app.</summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public DevelopmentClock Clock => Services.GetRequiredService<DevelopmentClock>();

    public static async Task<AppHost> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null, ICollection<string>? logLines = null)
    {
        var contentRoot = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions");
        var app = LocalFunctionsHost.Create(["--environment", "Development", "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:Port"] = "0" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            if (logLines is not null)
            {
                builder.Logging.AddProvider(new CollectingLoggerProvider(logLines));
            }

            builder.Host.UseServiceProviderFactory(new OverridingServiceProviderFactory(services, validate: true));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new AppHost(app, new Uri(address));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl };

    public async Task<HttpClient> ClientForAsync(string role, string subject, string? org = null, string? msc = null)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/dev/token", new { role, subject, org, msc });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record TokenBody(string AccessToken);

    private sealed class CollectingLoggerProvider(ICollection<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collecting(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collecting(ICollection<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                {
                    lines.Add($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
