using System.Text.Json;
using Microsoft.DurableTask;
using Referrals.LocalHost.Catalog;

namespace Referrals.LocalHost.Durable;

/// <summary>Runs an <c>[OrchestrationTrigger]</c> method as an SDK orchestrator registered under its function name.</summary>
internal sealed class FunctionOrchestrator(LocalFunction function, IServiceProvider services) : ITaskOrchestrator
{
    // The input stays JSON until the method asks for it with GetInput<T>().
    public Type InputType => typeof(JsonElement?);

    public Type OutputType => function.ResultType ?? typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        FunctionInvoker.InvokeAsync(function, new Invocation(services, CancellationToken.None)
        {
            Orchestration = new FunctionOrchestrationContext(context, input as JsonElement?),
        });
}

/// <summary>Runs an <c>[ActivityTrigger]</c> method as an SDK activity, in a DI scope of its own.</summary>
internal sealed class FunctionActivity(LocalFunction function, IServiceProvider services, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.Parameters.FirstOrDefault(plan => plan.Source == ParameterSource.ActivityInput)?.Type
        ?? typeof(object);

    public Type OutputType => function.ResultType ?? typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        return await FunctionInvoker.InvokeAsync(function, new Invocation(scope.ServiceProvider, stopping) { ActivityInput = input });
    }
}
