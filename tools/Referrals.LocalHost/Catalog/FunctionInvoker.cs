using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Referrals.LocalHost.Catalog;

/// <summary>Calls a function's method the way the isolated worker does: a new instance per invocation from DI.</summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(LocalFunction function, Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(invocation);

        var arguments = function.Parameters.Select(plan => Bind(plan, invocation)).ToArray();
        var instance = function.Method.IsStatic
            ? null
            : ActivatorUtilities.CreateInstance(invocation.Services, function.Method.DeclaringType!);
        try
        {
            var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, CultureInfo.InvariantCulture);
            if (returned is not Task task)
            {
                return returned;
            }

            // No ConfigureAwait(false): an orchestrator must finish on the orchestration's own scheduler.
            await task;
            return function.ResultType is null ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(ParameterPlan plan, Invocation invocation) => plan.Source switch
    {
        ParameterSource.HttpRequest => Required(invocation.HttpContext, plan).Request,
        ParameterSource.RouteValue => RouteValue(plan, Required(invocation.HttpContext, plan)),
        ParameterSource.DurableClient => invocation.Services.GetRequiredService<DurableTaskClient>(),
        ParameterSource.TimerInfo => Required(invocation.Timer, plan),
        ParameterSource.OrchestrationContext => Required(invocation.Orchestration, plan),
        ParameterSource.ActivityInput => invocation.ActivityInput,
        ParameterSource.CancellationToken => invocation.CancellationToken,
        _ => throw new InvalidOperationException($"Unknown parameter source {plan.Source}."),
    };

    private static object? RouteValue(ParameterPlan plan, HttpContext context)
    {
        var text = context.Request.RouteValues[plan.Name]?.ToString();
        if (text is null || plan.Type == typeof(string))
        {
            return text;
        }

        try
        {
            return TypeDescriptor.GetConverter(plan.Type).ConvertFromInvariantString(text);
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
        {
            throw new BadHttpRequestException($"Route value '{plan.Name}' is not a valid {plan.Type.Name}.", exception);
        }
    }

    private static T Required<T>(T? value, ParameterPlan plan) where T : class =>
        value ?? throw new InvalidOperationException($"Nothing to bind to parameter '{plan.Name}' in this invocation.");
}
