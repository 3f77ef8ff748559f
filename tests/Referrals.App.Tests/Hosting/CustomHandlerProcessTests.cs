using System.Diagnostics;
using System.Globalization;
using System.Net;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

/// <summary>The built app started the way the Functions host starts it: FUNCTIONS_CUSTOMHANDLER_PORT in the
/// environment and nothing else about the mode.</summary>
public sealed class CustomHandlerProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string AppAssembly()
    {
        // tests/Referrals.App.Tests/bin/<Configuration>/net10.0/ → the app's own build of the same configuration.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        return Path.Combine(RepositoryPaths.Root, "functions", "Referrals.App", "bin", configuration, output.Name, "Referrals.App.dll");
    }

    private static ExternalProcess StartApp(Dictionary<string, string> environment) =>
        ExternalProcess.Start("dotnet",
            [AppAssembly(), "--contentRoot", Path.Combine(RepositoryPaths.Root, "functions", "Referrals.App")],
            environment: environment);

    [Fact]
    public async Task Started_with_the_Functions_port_it_listens_there_on_loopback_and_serves_the_triggers()
    {
        var port = FreePort.Next();
        var stopwatch = Stopwatch.StartNew();
        await using var app = StartApp(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["Storage__ConnectionString"] = azurite.ConnectionString,
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await WaitForHealthyAsync(client, app, TimeSpan.FromSeconds(60));
        var startToHealthy = stopwatch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, health);
        // The trigger routes exist (POST only), which they do not in standalone mode; invoking them needs the
        // referral workflow, which the contract tests cover with a recording engine.
        foreach (var function in new[] { "OutboxDispatch", "TimerSweep", "DailyDigest" })
        {
            using var probe = await client.GetAsync(new Uri($"/{function}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, probe.StatusCode);
        }

        Assert.True(startToHealthy < TimeSpan.FromSeconds(60), $"start to healthy took {startToHealthy}");
    }

    [Fact]
    public async Task Standalone_configured_while_the_Functions_host_hands_over_a_port_fails_at_start_naming_both()
    {
        var (exitCode, output) = await RunUntilExitAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Hosting__Mode"] = "Standalone",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Hosting:Mode is Standalone, but FUNCTIONS_CUSTOMHANDLER_PORT is set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_storage_settings_it_fails_at_start_naming_the_setting()
    {
        // Production reads no appsettings.Development.json, so nothing points at local storage.
        var environment = HostingAppFactory.ProductionRequirements.ToDictionary(
            setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        var (exitCode, output) = await RunUntilExitAsync(environment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage is not configured: set Storage:ConnectionString", output, StringComparison.Ordinal);
    }

    /// <summary>Runs the app expecting it to stop by itself (a start-up failure), within a minute.</summary>
    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.RedirectStandardInput = true;
        start.ArgumentList.Add(AppAssembly());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "functions", "Referrals.App"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output + await error);
    }

    private static async Task<HttpStatusCode> WaitForHealthyAsync(HttpClient client, ExternalProcess app, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Assert.False(app.HasExited, $"The app exited:\n{app.Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"/healthz was not 200 within {timeout}:\n{app.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
