using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Referrals.LocalHost.Catalog;

/// <summary>What one invocation has to bind from: the scope's services, and whatever its trigger brought.</summary>
public sealed class Invocation(IServiceProvider services, CancellationToken cancellationToken)
{
    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public HttpContext? HttpContext { get; init; }

    public TimerInfo? Timer { get; init; }

    public TaskOrchestrationContext? Orchestration { get; init; }

    public object? ActivityInput { get; init; }
}
