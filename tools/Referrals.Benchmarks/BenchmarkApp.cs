using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.Benchmarks;

/// <summary>
/// The real app (Development, for <c>POST /dev/token</c>) on Kestrel at a free port against the given Azurite.
/// SMS and SMTP point at ports nobody listens on: each referral's effects run once in the background, fail fast and
/// wait an hour before retrying, so they cost what a first attempt costs without piling up during the run.
/// </summary>
internal sealed class BenchmarkApp(string storageConnectionString) : WebApplicationFactory<Program>
{
    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        UseKestrel(BaseUrl.Port);
        StartServer();
        await Services.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The factory's own content-root discovery looks for test assemblies' metadata; this is an executable.
        builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "functions", "Referrals.App"));
        var unused = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = new Dictionary<string, string>
        {
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
            ["Workflow:EffectRetryBaseDelay"] = "01:00:00",
            ["Workflow:EffectRetryMaxDelay"] = "01:00:00",
            ["RateLimits:SubmissionsPerMinute"] = "10000",
            ["Demo:Seed"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Only errors, on stderr, so stdout stays the report. A provider-specific rule outranks appsettings' levels.
        builder.ConfigureLogging(logging => logging
            .ClearProviders()
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Error));
    }
}
