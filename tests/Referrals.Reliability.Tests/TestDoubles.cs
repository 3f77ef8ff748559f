using Microsoft.Extensions.DependencyInjection;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.Reliability.Tests;

/// <summary>The process "dies" right after the commit: the wake-up never happens.</summary>
internal sealed class DyingWaker : IInstanceWaker
{
    public Task StartAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The process died between the commit and the wake-up.");

    public Task WakeAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken) =>
        StartAsync(instanceId, version, dueEffectIds, cancellationToken);

    public Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        StartAsync(instanceId, 0, [], cancellationToken);

    public static void Install(IServiceCollection services)
    {
        services.AddSingleton<IInstanceWaker, DyingWaker>();
    }
}

/// <summary>The SMS handler, except that it always throws for one returnee's number (a poison effect).</summary>
internal sealed class PoisonedSmsHandler(IEffectHandler inner, string poisonedPhone) : IEffectHandler
{
    public string EffectType => inner.EffectType;

    public Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken) =>
        context.State is ReferralState state && state.Details.Returnee.Phone == poisonedPhone
            ? throw new InvalidOperationException("Poisoned in this test.")
            : inner.HandleAsync(context, cancellationToken);

    public static void Install(IServiceCollection services, string poisonedPhone)
    {
        var descriptor = services.Single(d => d.ServiceType == typeof(IEffectHandler)
            && d.ImplementationType?.Name == "SmsEffectHandler");
        services.Remove(descriptor);
        services.AddSingleton(descriptor.ImplementationType!);
        services.AddSingleton<IEffectHandler>(sp => new PoisonedSmsHandler(
            (IEffectHandler)sp.GetRequiredService(descriptor.ImplementationType!), poisonedPhone));
    }
}
