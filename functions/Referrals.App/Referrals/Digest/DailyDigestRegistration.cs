using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.App.Hosting;
using Referrals.App.Referrals.Digest;

// In the registration's namespace so the workflow registration needs one line and no extra using.
namespace Referrals.App.Referrals;

public static class DailyDigestRegistration
{
    /// <summary>
    /// Binds <c>Referrals:DailyDigest</c> (validated at start-up) and makes <see cref="DailyDigestJob"/> the
    /// <see cref="IDailyDigestJob"/>, scoped like Hosting's no-op default, which it replaces whichever registers first.
    /// </summary>
    public static IServiceCollection AddReferralDailyDigest(this IServiceCollection services)
    {
        services.AddOptions<DailyDigestOptions>().BindConfiguration(DailyDigestOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigestMarkers>();
        services.Replace(ServiceDescriptor.Scoped<IDailyDigestJob, DailyDigestJob>());
        return services;
    }
}
