extern alias localhost;

using System.Diagnostics;
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
/// <param name="processes">1: every function in this process. 2: HTTP functions in this process, Durable functions and
/// timers in a second local host, as Flex Consumption runs the HTTP and Durable groups on instances of their own.</param>
internal sealed class BenchmarkApp(string storageConnectionString, string? hubConnectionString = null, int processes = 1) : IAsyncDisposable
{
    /// <summary>The second host's CPU priority (nice): on a machine with two cores this stands in for the separate
    /// instances the Durable group gets in Azure, so the API is not measured against coordination it never shares a
    /// CPU with there.</summary>
    public const int CoordinationNiceness = 10;

    private WebApplication? _app;
    private ExternalProcess? _durableHost;

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
            // Both hosts on the same business time, in working hours: at night quiet hours would hold the texts.
            ["Hosting:ClockOffset"] = BerlinDaytime.OffsetFrom(DateTimeOffset.UtcNow).ToString("c", CultureInfo.InvariantCulture),
        };
        var contentRoot = Path.Combine(RepositoryPaths.Root, "functions", "Referrals.Functions");
        if (processes == 2)
        {
            await StartDurableHostAsync(settings, contentRoot);
            settings["LocalHost:Groups"] = "Http";
        }

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

    /// <summary>The local host's own build (bench.sh builds it with the benchmarks), with the same settings as
    /// environment variables, running the Durable functions and timers only.</summary>
    private async Task StartDurableHostAsync(Dictionary<string, string?> settings, string contentRoot)
    {
        var environment = settings.Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        var port = FreePort.Next();
        environment["LocalHost__Port"] = port.ToString(CultureInfo.InvariantCulture);
        environment["LocalHost__Groups"] = "Durable, Timers";
        environment["Logging__LogLevel__Default"] = "Error";
        var host = Path.Combine(RepositoryPaths.Root, "tools", "Referrals.LocalHost", "bin", "Release", "net10.0", "Referrals.LocalHost.dll");
        _durableHost = ExternalProcess.Start("nice", ["-n", CoordinationNiceness.ToString(CultureInfo.InvariantCulture), "dotnet", host, "--environment", "Development", "--contentRoot", contentRoot],
            environment: environment);
        await _durableHost.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until the second host (if any) has used under 5 % of a core in each of <paramref name="quiet"/>'s
    /// seconds: its storage requests are not seen by this process's tally, so its CPU says when coordination is done.</summary>
    public async Task<bool> WaitForDurableHostIdleAsync(TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_durableHost is null)
        {
            return true;
        }

        var waited = Stopwatch.StartNew();
        var idleSeconds = 0;
        var last = CpuTicks(_durableHost.Id);
        while (waited.Elapsed < timeout && idleSeconds < quiet.TotalSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = CpuTicks(_durableHost.Id);
            // Clock ticks are 1/100 s: fewer than 5 in a second is under 5 % of one core.
            idleSeconds = now - last < 5 ? idleSeconds + 1 : 0;
            last = now;
        }

        return idleSeconds >= quiet.TotalSeconds;
    }

    /// <summary>User and system CPU time of a process in clock ticks (Linux /proc; the fields after the name).</summary>
    private static long CpuTicks(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_durableHost is not null)
        {
            if (_durableHost.HasExited)
            {
                await Console.Error.WriteLineAsync($"The Durable functions' host had exited:\n{_durableHost.Output}");
            }

            await _durableHost.DisposeAsync();
        }
    }
}
