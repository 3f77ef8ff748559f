using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Hosting;
using Referrals.Workflow.Runtime;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow;

/// <summary>Registers the workflow runtime. The caller registers <see cref="Azure.Data.Tables.TableServiceClient"/>
/// and <see cref="Azure.Storage.Queues.QueueServiceClient"/> (with Base64 message encoding) so it controls their
/// credentials and pipeline policies; <see cref="TimeProvider"/> and <see cref="IPayloadProtector"/> default to the
/// system clock and no protection when not registered.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The runtime for one workflow: <see cref="IWorkflowClient{TState,TCommand}"/>,
    /// <see cref="IWorkflowEngine"/> and <see cref="WorkflowStorage"/>, with <see cref="WorkflowOptions"/> bound to
    /// the configuration section <paramref name="configSectionPath"/> and validated at start-up.</summary>
    public static IServiceCollection AddWorkflowRuntime<TState, TCommand, TDecider>(this IServiceCollection services,
        string configSectionPath = WorkflowOptions.SectionName)
        where TState : class
        where TDecider : class, IDecider<TState, TCommand>
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(configSectionPath).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPayloadProtector>(NoPayloadProtection.Instance);
        services.TryAddSingleton<IDecider<TState, TCommand>, TDecider>();

        services.TryAddSingleton<InstanceStore>();
        services.TryAddSingleton<TimerIndex>();
        services.TryAddSingleton<ParkedEffects>();
        services.TryAddSingleton<DispatchQueue>();
        services.TryAddSingleton<EffectHandlerRegistry>();
        services.TryAddSingleton<InstanceLocks>();
        services.TryAddSingleton<DispatchTracker>();
        services.TryAddSingleton<DecisionCommitter>();
        services.TryAddSingleton<EffectDispatcher<TState, TCommand>>();
        services.TryAddSingleton<TimerSweeper<TState, TCommand>>();
        services.TryAddSingleton<WorkflowReader<TState>>();
        services.TryAddSingleton<IWorkflowReader<TState>>(sp => sp.GetRequiredService<WorkflowReader<TState>>());
        services.TryAddSingleton<WorkflowClient<TState, TCommand>>();
        services.TryAddSingleton<WorkflowEngine<TState, TCommand>>();
        services.TryAddSingleton<IWorkflowClient<TState, TCommand>>(sp => sp.GetRequiredService<WorkflowClient<TState, TCommand>>());
        services.TryAddSingleton<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine<TState, TCommand>>());
        services.TryAddSingleton<IWorkflowCatchUp>(sp => sp.GetRequiredService<WorkflowEngine<TState, TCommand>>());
        services.TryAddSingleton<IReceivedMessageHandler>(sp => sp.GetRequiredService<WorkflowEngine<TState, TCommand>>());
        services.TryAddSingleton(sp => new WorkflowStorage(sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<TimerIndex>(), sp.GetRequiredService<ParkedEffects>(), sp.GetRequiredService<DispatchQueue>()));
        return services;
    }

    /// <summary>Adds the handler of one effect type (a singleton; it must be safe to run more than once per
    /// effect id). Two handlers for the same type fail at first dispatch, naming the type.</summary>
    public static IServiceCollection AddEffectHandler<THandler>(this IServiceCollection services)
        where THandler : class, IEffectHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEffectHandler, THandler>());
        return services;
    }

    /// <summary>Standalone mode: creates missing storage at start, polls the dispatch queue and sweeps timers every
    /// <see cref="WorkflowOptions.SweepInterval"/>. In Azure Functions custom-handler mode leave this out and call
    /// <see cref="IWorkflowEngine.DispatchMessageAsync"/> and <see cref="IWorkflowEngine.SweepAsync"/> from the
    /// queue and timer triggers instead.</summary>
    public static IServiceCollection AddWorkflowStandaloneHosting(this IServiceCollection services)
    {
        services.AddHostedService<WorkflowStorageInitializer>();
        services.AddHostedService<DispatchQueuePoller>();
        services.AddHostedService<TimerSweepService>();
        return services;
    }
}
