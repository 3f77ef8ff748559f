using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        // Hosting (storage, clock), the referral workflow, the API, then the coordinator that carries the work out.
        services.AddReferralsHosting(configuration, environment);
        services.AddReferralWorkflow();
        services.AddReferralsApi(configuration, environment);
        services.AddReferralCoordination(configuration, environment);
        return services;
    }
}
