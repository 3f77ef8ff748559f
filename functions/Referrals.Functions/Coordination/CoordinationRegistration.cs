using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>The referral coordinator's services: waking through Durable Functions, its retry settings, and the
/// development clock's catch-up.</summary>
public static class CoordinationRegistration
{
    /// <summary>Settling is tracked in process where somebody waits for it: in Development (the clock's catch-up)
    /// or when a test asks for it.</summary>
    public const string TrackSettlingSetting = "Coordinator:TrackSettling";

    public static IServiceCollection AddReferralCoordination(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.FirstRetryInterval > TimeSpan.Zero && o.MaxRetryInterval >= o.FirstRetryInterval,
                "Coordinator:FirstRetryInterval must be positive and not longer than Coordinator:MaxRetryInterval.")
            .Validate(o => o.SweepGrace > TimeSpan.Zero, "Coordinator:SweepGrace must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<DurableClientAccessor>();
        services.TryAddSingleton<IInstanceWaker, DurableInstanceWaker>();
        if (environment.IsDevelopment() || configuration.GetValue<bool>(TrackSettlingSetting))
        {
            services.TryAddSingleton<ICoordinationSignals, CoordinationSignals>();
        }
        else
        {
            services.TryAddSingleton<ICoordinationSignals, NoCoordinationSignals>();
        }

        services.TryAddSingleton<IWorkflowCatchUp, DurableCatchUp>();
        return services;
    }
}
