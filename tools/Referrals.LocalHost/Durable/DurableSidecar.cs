using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Referrals.LocalHost.Durable;

/// <summary>
/// The Durable Task engine as the Functions host runs it for an isolated worker: the Azure Storage provider behind
/// the SDK's gRPC sidecar (<see cref="TaskHubGrpcServer"/>), on its own HTTP/2 loopback listener. It is a host of
/// its own so that it listens before the worker starts, and its dispatchers follow its own lifetime.
/// </summary>
internal sealed partial class DurableSidecar(
    IOptions<DurableEngineOptions> options, DurableEngineChannel channel, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _sidecar;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = options.Value;
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = engine.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(engine.StorageConnectionString),
            PartitionCount = engine.PartitionCount,
            MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
            ControlQueueBatchSize = engine.ControlQueueBatchSize,
            UseTablePartitionManagement = engine.UseTablePartitionManagement,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestratorFunctions,
            LoggerFactory = loggerFactory,
        });
        var log = loggerFactory.CreateLogger<DurableSidecar>();
        CreatingTaskHub(log, engine.HubName);
        // Storage round trips; the sidecar's listener starts meanwhile (start-up time is what a developer waits for).
        var created = service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, channel.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new StopSafeOrchestrationService(service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(server => server.Mode =
            engine.Dispatches ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);

        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await Task.WhenAll(created, _sidecar.StartAsync(cancellationToken));
        TaskHubReady(log, engine.HubName);
        SidecarListening(log, engine.HubName, channel.Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
            _sidecar = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Creating task hub {HubName} if it does not exist")]
    private static partial void CreatingTaskHub(ILogger logger, string hubName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task hub {HubName} ready")]
    private static partial void TaskHubReady(ILogger logger, string hubName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Durable Task sidecar for task hub {HubName} listening on {Address}")]
    private static partial void SidecarListening(ILogger logger, string hubName, Uri address);
}
