using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Options;
using Referrals.Functions;
using Referrals.LocalHost.Catalog;
using Referrals.LocalHost.Durable;
using Referrals.LocalHost.Http;
using Referrals.LocalHost.Timers;

namespace Referrals.LocalHost;

/// <summary>
/// Runs the Functions app's own function classes without Azure Functions Core Tools: HTTP functions on Kestrel,
/// orchestrations and activities on the Durable Task engine over Azure Storage, timers on their schedules.
/// A development and test tool; never deployed.
/// </summary>
public static partial class LocalFunctionsHost
{
    /// <param name="args">Command-line arguments (configuration).</param>
    /// <param name="configure">Runs first, so tests can add settings and replace services.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var started = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var local = LocalHostOptions.Read(builder.Configuration);
        HostJson.AddTo(builder.Configuration, local.HostJsonPath);
        var catalog = FunctionCatalog.Load(local.MetadataPath, builder.Configuration);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, local.Port));
        builder.Services.AddSingleton(catalog);
        // Executes the IActionResults functions may return (ObjectResult needs MVC's executors and formatters).
        builder.Services.AddMvcCore();
        // Hosted services start in registration order and stop in reverse: the sidecar comes before the app's own
        // services and the worker, so it listens before the worker connects and outlives the app's services at
        // shutdown (a command's wake-up still under way then can finish).
        var dispatches = local.Groups.HasFlag(FunctionGroups.Durable);
        var channel = AddDurableSidecar(builder.Services, local.DurablePort, dispatches);
        builder.Services.AddReferralsFunctions(builder.Configuration, builder.Environment);
        AddDurableWorker(builder.Services, catalog, channel, dispatches);
        if (local.Groups.HasFlag(FunctionGroups.Timers))
        {
            builder.Services.AddHostedService<TimerTriggerService>();
        }

        var app = builder.Build();
        // Before anything starts: orchestrations left in the task hub may run as soon as the worker connects.
        app.Services.GetRequiredService<RootServices>().Services = app.Services;
        if (local.Groups.HasFlag(FunctionGroups.Http))
        {
            app.MapHttpFunctions(catalog, app.Configuration[$"{HostJson.Section}:extensions:http:routePrefix"] ?? "api");
        }

        app.Lifetime.ApplicationStarted.Register(() => LogSummary(app, catalog, local.Groups, started.Elapsed));
        return app;
    }

    private static DurableEngineChannel AddDurableSidecar(IServiceCollection services, int durablePort, bool dispatches)
    {
        services.AddOptions<DurableEngineOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var durable = configuration.GetSection($"{HostJson.Section}:extensions:durableTask");
                options.HubName = durable["hubName"] ?? "";
                durable.GetSection("storageProvider").Bind(options);
                options.MaxConcurrentActivityFunctions =
                    durable.GetValue("maxConcurrentActivityFunctions", options.MaxConcurrentActivityFunctions);
                options.MaxConcurrentOrchestratorFunctions =
                    durable.GetValue("maxConcurrentOrchestratorFunctions", options.MaxConcurrentOrchestratorFunctions);
                options.StorageConnectionString = configuration[options.ConnectionName]
                    ?? configuration.GetConnectionString(options.ConnectionName) ?? "";
                options.Dispatches = dispatches;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var channel = new DurableEngineChannel(durablePort);
        services.AddSingleton(_ => channel);
        services.AddHostedService<DurableSidecar>();
        return channel;
    }

    private static void AddDurableWorker(IServiceCollection services, FunctionCatalog catalog, DurableEngineChannel channel,
        bool dispatches)
    {
        var root = new RootServices();
        services.AddSingleton(root);
        services.AddDurableTaskClient(client => client.UseGrpc(channel.Channel));
        if (!dispatches)
        {
            return;
        }

        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry =>
            {
                foreach (var function in catalog.OfKind(FunctionKind.Orchestrator))
                {
                    registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, root.Services));
                }

                foreach (var function in catalog.OfKind(FunctionKind.Activity))
                {
                    registry.AddActivity(function.Name, provider => new FunctionActivity(
                        function, provider, provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
                }
            });
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = channel.Channel;
                // The sidecar sends no health pings on an idle work-item stream, so the SDK's silent-disconnect
                // detection would tear the in-process loopback stream down and reconnect every few seconds.
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
        });
    }

    private static void LogSummary(WebApplication app, FunctionCatalog catalog, FunctionGroups groups, TimeSpan elapsed)
    {
        var engine = app.Services.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalFunctionsHost)),
            (long)elapsed.TotalMilliseconds,
            catalog.Functions.Count,
            catalog.OfKind(FunctionKind.Http).Count(),
            catalog.OfKind(FunctionKind.Timer).Count(),
            catalog.OfKind(FunctionKind.Orchestrator).Count(),
            catalog.OfKind(FunctionKind.Activity).Count(),
            groups,
            string.Join(' ', addresses),
            engine.HubName,
            engine.PartitionCount,
            app.Services.GetRequiredService<DurableEngineChannel>().Address);
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Local host started in {ElapsedMs} ms: {Functions} functions ({Http} HTTP, {Timers} timer, {Orchestrators} orchestrator, " +
        "{Activities} activity), running {Groups}, on {Addresses}; task hub {HubName} ({Partitions} partitions, Azure Storage) via {DurableAddress}")]
    private static partial void Started(
        ILogger logger, long elapsedMs, int functions, int http, int timers, int orchestrators, int activities,
        FunctionGroups groups, string addresses, string hubName, int partitions, Uri durableAddress);

    /// <summary>The root provider, for orchestrator classes (the SDK gives orchestrator factories no provider).</summary>
    internal sealed class RootServices
    {
        public IServiceProvider Services { get; set; } = EmptyServices.Instance;

        private sealed class EmptyServices : IServiceProvider
        {
            public static readonly EmptyServices Instance = new();

            public object? GetService(Type serviceType) => null;
        }
    }
}
