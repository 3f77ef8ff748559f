extern alias localhost;

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.Benchmarks;

/// <summary>
/// The Functions app on the local host (Development, for <c>POST /dev/token</c>) at a free port against the given
/// Azurite. SMS and SMTP point at ports nobody listens on: each referral's effects are tried once in the background,
/// fail fast and wait an hour before retrying, so they cost what a first attempt costs without piling up.
/// </summary>
/// <param name="storageConnectionString">The app's own tables.</param>
/// <param name="hubConnectionString">The Durable task hub's account (AzureWebJobsStorage); the same one by default.</param>
internal sealed class BenchmarkApp(string storageConnectionString, string? hubConnectionString = null) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The app has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var unused = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = new Dictionary<string, string?>
        {
            ["LocalHost:Port"] = BaseUrl.Port.ToString(CultureInfo.InvariantCulture),
            ["AzureWebJobsStorage"] = hubConnectionString ?? storageConnectionString,
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Twilio:ApiBaseUrl"] = unused,
            ["Twilio:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Twilio:MaxRetryAttempts"] = "0",
            // Pacing to one SMS a second (a single long code) would hold most of a 50/s run's texts for minutes.
            ["Twilio:MessagesPerSecond"] = "1000",
            ["Twilio:Burst"] = "1000",
            ["Messaging:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@nsz.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Referrals:Notifications:CoordinatorEmail"] = "coordinators@kirs.example",
            ["Coordinator:EffectAttempts"] = "1",
            ["Workflow:EffectRetryBaseDelay"] = "01:00:00",
            ["Workflow:EffectRetryMaxDelay"] = "01:00:00",
            ["RateLimits:SubmissionsPerMinute"] = "10000",
            ["Demo:Seed"] = "false",
        };
        var contentRoot = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions");
        _app = localhost::Referrals.LocalHost.LocalFunctionsHost.Create(
            ["--environment", "Development", "--contentRoot", contentRoot], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                // Only errors, on stderr, so stdout stays the report.
                builder.Logging.ClearProviders()
                    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                    .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Error);
            });
        await _app.StartAsync(cancellationToken);
        await Services.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
