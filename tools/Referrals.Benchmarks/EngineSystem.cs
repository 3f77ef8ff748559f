extern alias localhost;

using System.Globalization;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using localhost::Referrals.LocalHost;
using localhost::Referrals.LocalHost.Durable;
using Referrals.Testing;

namespace Referrals.Benchmarks;

/// <summary>
/// Everything the engine benchmark runs against: Azurite (AzuriteFixture) behind the counting proxy, MailDev, the SMS
/// sandbox, and the Functions app on the local host (Development), whose app storage and Durable Task provider
/// both go through the proxy. The benchmark's own checks read Azurite directly, so they are not counted.
/// </summary>
internal sealed class EngineSystem : IAsyncDisposable
{
    public const string ScoutOrganisation = "helpdesk-de";

    private WebApplication? _host;

    private EngineSystem()
    {
    }

    public AzuriteFixture Azurite { get; } = new();

    public MailDevFixture Mail { get; } = new();

    public SmsSandboxFixture Sms { get; } = new();

    public CountingStorageProxy Proxy { get; private set; } = null!;

    public BareOrchestrations Bare { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public string HubName { get; private set; } = "";

    public DurableTaskClient Durable => Host.Services.GetRequiredService<DurableTaskClient>();

    private WebApplication Host => _host ?? throw new InvalidOperationException("The local host has not started.");

    public static async Task<EngineSystem> StartAsync(CancellationToken cancellationToken)
    {
        var system = new EngineSystem();
        try
        {
            await system.StartCoreAsync(cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>The task hub's Instances table, read straight from Azurite (uncounted).</summary>
    public TableClient InstancesTable() => new(Azurite.ConnectionString, HubName + "Instances");

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Azurite.InitializeAsync(), Mail.InitializeAsync(), Sms.InitializeAsync());
        // The fixture waits for table and queue; the task hub's leases need blob too.
        await WaitForPortAsync(Azurite.BlobPort, cancellationToken);
        Proxy = await CountingStorageProxy.StartAsync(Azurite, cancellationToken);

        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>(Sms.TwilioSettings(BaseUrl))
        {
            ["LocalHost:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["LocalHost:DurablePort"] = "0",
            // The Durable Task provider and the app's own storage, both counted.
            ["AzureWebJobsStorage"] = Proxy.ConnectionString,
            ["Storage:ConnectionString"] = Proxy.ConnectionString,
            ["Hosting:ControllableClock"] = "true",
            // A single long code's pacing (one a second) would hold most of a batch's texts for minutes.
            ["Twilio:MessagesPerSecond"] = "1000",
            ["Twilio:Burst"] = "1000",
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@nsz.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
            ["Messaging:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Referrals:Notifications:CoordinatorEmail"] = "coordinators@kirs.example",
            ["Referrals:Notifications:ScoutFallbackEmail"] = "scouts@reintegration.example",
            [$"Referrals:Notifications:OrganisationEmails:{ScoutOrganisation}"] = "referrals@helpdesk-de.example",
            ["Sms:Transliterate:sr-Latn"] = "true",
            ["RateLimits:SubmissionsPerMinute"] = "10000",
            ["Demo:Seed"] = "false",
        };

        _host = LocalFunctionsHost.Create(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            // Only errors, on stderr, so stdout stays the report.
            builder.Logging.ClearProviders()
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Error);
            Bare.Register(builder.Services);
        });
        HubName = _host.Services.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName;
        Proxy.HubName = HubName;
        await _host.StartAsync(cancellationToken);
        await WaitForHealthyAsync(cancellationToken);
        await Sms.SetInboundWebhookUrlAsync(new Uri(BaseUrl, "/api/twilio/inbound"), cancellationToken);
    }

    private async Task WaitForHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The local host at {BaseUrl} did not answer /healthz within 60 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Task.WhenAll(Sms.DisposeAsync(), Mail.DisposeAsync(), Azurite.DisposeAsync());
    }
}
