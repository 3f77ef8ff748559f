using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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

        services.TryAddSingleton(TimeProvider.System);
        services.AddReferralCoordination(configuration, environment);
        return services;
    }
}
