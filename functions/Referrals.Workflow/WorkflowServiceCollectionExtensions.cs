using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Hosting;
using Referrals.Workflow.Runtime;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow;

/// <summary>Registers a workflow over Table Storage. The caller registers <see cref="Azure.Data.Tables.TableServiceClient"/>
/// so it controls credentials and pipeline policies, and an <see cref="IInstanceWaker"/> (the engine that coordinates
/// instances); <see cref="TimeProvider"/> and <see cref="IPayloadProtector"/> default to the system clock and no
/// protection when not registered.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>One workflow: <see cref="IWorkflowClient{TState,TCommand}"/> for commands and reads,
    /// <see cref="IWorkflowCoordination"/> for the coordinator's steps, and <see cref="WorkflowStorage"/>, with
    /// <see cref="WorkflowOptions"/> bound to the configuration section <paramref name="configSectionPath"/> and
    /// validated at start-up. Missing tables are created at start-up.</summary>
    public static IServiceCollection AddWorkflow<TState, TCommand, TDecider>(this IServiceCollection services,
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
        services.TryAddSingleton<EffectHandlerRegistry>();
        services.TryAddSingleton<DecisionCommitter>();
        services.TryAddSingleton<PendingWakeUps>();
        services.TryAddSingleton<WorkflowReader<TState>>();
        services.TryAddSingleton<IWorkflowReader<TState>>(sp => sp.GetRequiredService<WorkflowReader<TState>>());
        services.TryAddSingleton<IWorkflowClient<TState, TCommand>, WorkflowClient<TState, TCommand>>();
        services.TryAddSingleton<IWorkflowCoordination, WorkflowCoordination<TState, TCommand>>();
        services.TryAddSingleton(sp => new WorkflowStorage(sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<TimerIndex>(), sp.GetRequiredService<ParkedEffects>()));
        services.AddHostedService<WorkflowStorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<PendingWakeUps>());
        return services;
    }

    /// <summary>Adds the handler of one effect type (a singleton; it must be safe to run more than once per
    /// effect id). Two handlers for the same type fail at first use, naming the type.</summary>
    public static IServiceCollection AddEffectHandler<THandler>(this IServiceCollection services)
        where THandler : class, IEffectHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEffectHandler, THandler>());
        return services;
    }
}
