using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Referrals.App.Api;
using Referrals.App.Hosting;
using Referrals.App.Referrals;
using Referrals.Functions.Coordination;

namespace Referrals.Functions;

/// <summary>The Functions app's services, registered in one place so the local host registers exactly the same.</summary>
public static class FunctionsRegistration
{
    public static IServiceCollection AddReferralsFunctions(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        // The same order as the old app's Program: hosting (storage, clock), the workflow, the API.
        services.AddReferralsHosting(configuration, environment);
        services.AddReferralWorkflow();
        services.AddReferralsApi(configuration, environment);

        // TEMPORARY, replaced by the coordinator: the old runtime's dispatch-queue poller, timer sweeper and digest
        // loop carry out effects and due timers until the Durable orchestration per referral does.
        services.AddStandaloneWorkflowHosting();

        services.TryAddSingleton(TimeProvider.System);
        // The coordinator's cycle has no business logic yet; the backend's own implementation replaces this one.
        services.TryAddSingleton<IReferralCycle, NoReferralCycle>();
        return services;
    }
}
