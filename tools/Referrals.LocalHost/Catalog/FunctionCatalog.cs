using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Cronos;

namespace Referrals.LocalHost.Catalog;

/// <summary>
/// The functions of the app, read from <c>functions.metadata</c> and resolved to their methods. Building it refuses,
/// naming the function, every binding, parameter or return type the local host cannot run, so nothing the app
/// declares is ever silently skipped.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<LocalFunction> functions) => Functions = functions;

    public IReadOnlyList<LocalFunction> Functions { get; }

    public IEnumerable<LocalFunction> OfKind(FunctionKind kind) => Functions.Where(function => function.Kind == kind);

    /// <summary>Reads the metadata file and resolves every function, or throws naming the first it cannot run.
    /// Functions disabled by the app setting <c>AzureWebJobs.&lt;name&gt;.Disabled</c> are checked but left out.</summary>
    public static FunctionCatalog Load(string metadataPath, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!File.Exists(metadataPath))
        {
            throw new FileNotFoundException(
                $"functions.metadata not found at {metadataPath}; build the Functions app first.", metadataPath);
        }

        var functions = FunctionMetadata.ReadFile(metadataPath).Select(metadata => Resolve(metadata, configuration)).ToList();
        var duplicate = functions.GroupBy(function => function.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw Refuse(duplicate.Key, "the name is declared more than once");
        }

        // The Functions host's own switch (an app setting), e.g. so a test drives a timer function itself.
        return new FunctionCatalog(functions
            .Where(function => !configuration.GetValue<bool>($"AzureWebJobs.{function.Name}.Disabled")).ToList());
    }

    private static LocalFunction Resolve(FunctionMetadata metadata, IConfiguration configuration)
    {
        var name = metadata.Name;
        foreach (var binding in metadata.Bindings)
        {
            if (!BindingTypes.Supported.Contains(binding.Type))
            {
                throw Refuse(name, $"binding '{binding.Name}' of type '{binding.Type}' is not supported by the local host");
            }
        }

        var triggers = metadata.Bindings.Where(binding => binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (triggers.Count != 1)
        {
            throw Refuse(name, $"it has {triggers.Count} trigger bindings; exactly one is needed");
        }

        var trigger = triggers[0];
        var kind = trigger.Type.ToUpperInvariant() switch
        {
            "HTTPTRIGGER" => FunctionKind.Http,
            "TIMERTRIGGER" => FunctionKind.Timer,
            "ORCHESTRATIONTRIGGER" => FunctionKind.Orchestrator,
            _ => FunctionKind.Activity,
        };

        foreach (var binding in metadata.Bindings.Where(binding => binding != trigger))
        {
            var allowed = binding.Type.ToUpperInvariant() switch
            {
                "HTTP" => kind == FunctionKind.Http && binding.Name == "$return",
                "DURABLECLIENT" => kind is FunctionKind.Http or FunctionKind.Timer,
                _ => false,
            };
            if (!allowed)
            {
                throw Refuse(name, $"binding '{binding.Name}' of type '{binding.Type}' is not supported on a {trigger.Type} function");
            }
        }

        var method = ResolveMethod(metadata);
        var route = kind == FunctionKind.Http ? trigger.GetString("route") ?? name : null;
        var routeParameters = route is null
            ? new HashSet<string>()
            : RoutePatternFactory.Parse(route).Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var plans = method.GetParameters()
            .Select(parameter => Plan(name, kind, parameter, metadata.Bindings, routeParameters))
            .ToList();
        foreach (var binding in metadata.Bindings.Where(binding => binding.Name != "$return"))
        {
            if (plans.All(plan => plan.Name != binding.Name))
            {
                throw Refuse(name, $"binding '{binding.Name}' matches no parameter of {method.DeclaringType!.Name}.{method.Name}");
            }
        }

        return new LocalFunction(name, kind, method, trigger, plans, CheckResult(name, kind, method.ReturnType))
        {
            Route = route,
            HttpMethods = kind == FunctionKind.Http
                ? trigger.GetStrings("methods")?.Select(verb => verb.ToUpperInvariant()).ToArray()
                : null,
            Schedule = kind == FunctionKind.Timer ? CheckSchedule(name, trigger, configuration) : null,
        };
    }

    private static MethodInfo ResolveMethod(FunctionMetadata metadata)
    {
        var separator = metadata.EntryPoint.LastIndexOf('.');
        if (separator <= 0)
        {
            throw Refuse(metadata.Name, $"entry point '{metadata.EntryPoint}' is not Namespace.Type.Method");
        }

        var typeName = metadata.EntryPoint[..separator];
        var methodName = metadata.EntryPoint[(separator + 1)..];
        var assembly = Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(metadata.ScriptFile)));
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw Refuse(metadata.Name, $"type '{typeName}' is not in {assembly.GetName().Name}");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(method => method.Name == methodName
                && method.GetCustomAttribute<FunctionAttribute>()?.Name == metadata.Name)
            .ToList();
        return methods.Count == 1
            ? methods[0]
            : throw Refuse(metadata.Name, $"{typeName}.{methodName} with [Function(\"{metadata.Name}\")] was found {methods.Count} times");
    }

    private static ParameterPlan Plan(
        string function, FunctionKind kind, ParameterInfo parameter, IReadOnlyList<BindingMetadata> bindings,
        HashSet<string> routeParameters)
    {
        var name = parameter.Name ?? "";
        var type = parameter.ParameterType;
        var binding = bindings.FirstOrDefault(candidate => candidate.Name == name);
        if (binding is not null)
        {
            var (source, expected) = binding.Type.ToUpperInvariant() switch
            {
                "HTTPTRIGGER" => (ParameterSource.HttpRequest, typeof(HttpRequest)),
                "DURABLECLIENT" => (ParameterSource.DurableClient, typeof(DurableTaskClient)),
                "TIMERTRIGGER" => (ParameterSource.TimerInfo, typeof(TimerInfo)),
                "ORCHESTRATIONTRIGGER" => (ParameterSource.OrchestrationContext, typeof(TaskOrchestrationContext)),
                _ => (ParameterSource.ActivityInput, type),
            };
            return type == expected
                ? new ParameterPlan(source, name, type)
                : throw Refuse(function, $"parameter '{name}' of binding '{binding.Type}' is {type.Name}; the local host binds {expected.Name}");
        }

        if (type == typeof(CancellationToken))
        {
            return new ParameterPlan(ParameterSource.CancellationToken, name, type);
        }

        if (kind == FunctionKind.Http && routeParameters.Contains(name))
        {
            return type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string))
                ? new ParameterPlan(ParameterSource.RouteValue, name, type)
                : throw Refuse(function, $"route parameter '{name}' is {type.Name}, which cannot be converted from text");
        }

        throw Refuse(function, $"parameter '{name}' ({type.Name}) is bound to nothing the local host supports");
    }

    /// <summary>The awaited result type (null for none), or a refusal when the host cannot use what the method returns.</summary>
    private static Type? CheckResult(string function, FunctionKind kind, Type returnType)
    {
        if (returnType == typeof(ValueTask) || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            throw Refuse(function, "it returns a ValueTask; return Task or a value");
        }

        var result = returnType == typeof(void) || returnType == typeof(Task) ? null
            : returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
            : returnType;

        var fits = kind switch
        {
            FunctionKind.Http => result is not null
                && (typeof(IResult).IsAssignableFrom(result) || typeof(IActionResult).IsAssignableFrom(result)),
            FunctionKind.Timer => result is null,
            _ => true,
        };
        return fits
            ? result
            : throw Refuse(function, $"its return type {returnType.Name} is not supported on a {kind} function " +
                (kind == FunctionKind.Http ? "(return IResult or IActionResult)" : "(return Task or void)"));
    }

    private static string CheckSchedule(string function, BindingMetadata trigger, IConfiguration configuration)
    {
        var schedule = trigger.GetString("schedule") ?? "";
        // As in the Functions host, %Name% takes the schedule from the app setting Name.
        if (schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%')
        {
            schedule = configuration[schedule[1..^1]]
                ?? throw Refuse(function, $"its schedule names the setting {schedule}, which is not set");
        }

        if (trigger.GetBoolean("runOnStartup"))
        {
            throw Refuse(function, "runOnStartup is not supported by the local host");
        }

        try
        {
            CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
            return schedule;
        }
        catch (CronFormatException exception)
        {
            throw Refuse(function, $"its schedule '{schedule}' is not a six-field CRON expression ({exception.Message})");
        }
    }

    private static InvalidOperationException Refuse(string function, string reason) =>
        new($"The local host cannot run function '{function}': {reason}.");
}
