using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Workflow;
using Referrals.Workflow.Runtime;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>
/// One runtime of the reference workflow in its own DI container, against an Azurite: what tests and the benchmark
/// use. Several can share the same storage names to act as several processes.
/// </summary>
public sealed class ReferenceRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ReferenceRuntime(ServiceProvider provider, StorageRequestCounter counter)
    {
        _provider = provider;
        Requests = counter;
    }

    public StorageRequestCounter Requests { get; }

    public IServiceProvider Services => _provider;

    public IWorkflowClient<Order, OrderCommand> Client => _provider.GetRequiredService<IWorkflowClient<Order, OrderCommand>>();

    /// <summary>Runs the instances' cycles in process, as the app's orchestration would.</summary>
    public InlineCoordinator Engine => _provider.GetRequiredService<InlineCoordinator>();

    /// <summary>Commits' wake-ups still under way (they run on after the command's answer).</summary>
    public PendingWakeUps WakeUps => _provider.GetRequiredService<PendingWakeUps>();

    public IWorkflowCoordination Coordination => _provider.GetRequiredService<IWorkflowCoordination>();

    public OrderNotificationHandler Notifications => _provider.GetServices<IEffectHandler>().OfType<OrderNotificationHandler>().Single();

    public OrderViewHandler Views => _provider.GetServices<IEffectHandler>().OfType<OrderViewHandler>().Single();

    /// <summary>Unique table names for one test (or one benchmark run).</summary>
    public static WorkflowOptions UniqueOptions() => new()
    {
        TableName = AzuriteFixture.UniqueName("wf"),
        TimerIndexTableName = AzuriteFixture.UniqueName("wftimers"),
        ParkedTableName = AzuriteFixture.UniqueName("wfparked"),
    };

    public static async Task<ReferenceRuntime> StartAsync(string connectionString, WorkflowOptions names, TimeProvider time,
        Action<WorkflowOptions>? configure = null, Action<IServiceCollection>? services = null,
        CancellationToken cancellationToken = default)
    {
        var counter = new StorageRequestCounter();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton(time);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        collection.AddSingleton(new TableServiceClient(connectionString, tableOptions));
        collection.AddSingleton(sp => new InlineCoordinator(sp.GetRequiredService<IWorkflowCoordination>, time,
            sp.GetRequiredService<PendingWakeUps>));
        collection.AddSingleton<IInstanceWaker>(sp => sp.GetRequiredService<InlineCoordinator>());
        collection.AddWorkflow<Order, OrderCommand, OrderDecider>();
        collection.AddEffectHandler<OrderNotificationHandler>();
        collection.AddEffectHandler<OrderViewHandler>();
        collection.Configure<WorkflowOptions>(options =>
        {
            options.TableName = names.TableName;
            options.TimerIndexTableName = names.TimerIndexTableName;
            options.ParkedTableName = names.ParkedTableName;
            configure?.Invoke(options);
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(cancellationToken);
        return new ReferenceRuntime(provider, counter);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
