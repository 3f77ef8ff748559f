using System.Reflection;

namespace Referrals.LocalHost.Catalog;

/// <summary>The trigger that decides how the local host runs a function.</summary>
public enum FunctionKind
{
    Http,
    Timer,
    Orchestrator,
    Activity,
}

/// <summary>Where one method parameter's value comes from on each invocation.</summary>
public enum ParameterSource
{
    HttpRequest,
    RouteValue,
    DurableClient,
    TimerInfo,
    OrchestrationContext,
    ActivityInput,
    CancellationToken,
}

/// <summary>How one parameter is bound: its source, and the name and type it has in the method.</summary>
public sealed record ParameterPlan(ParameterSource Source, string Name, Type Type);

/// <summary>A function from the metadata, resolved to its method and checked to be runnable by the local host.</summary>
public sealed record LocalFunction(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    BindingMetadata Trigger,
    IReadOnlyList<ParameterPlan> Parameters,
    Type? ResultType)
{
    /// <summary>Only for HTTP functions: the route template as written in the metadata (the function name when none).</summary>
    public string? Route { get; init; }

    /// <summary>Only for HTTP functions: the methods, upper case; null means any method.</summary>
    public IReadOnlyList<string>? HttpMethods { get; init; }

    /// <summary>Only for timer functions: the six-field CRON schedule, with any %setting% resolved.</summary>
    public string? Schedule { get; init; }
}
