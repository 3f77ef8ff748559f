using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Domain.Calendar;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReferralDecider"/> as <c>IDecider&lt;ReferralState, ReferralCommand&gt;</c> with
    /// <see cref="ReferralPolicy"/> bound from <see cref="ReferralPolicy.SectionName"/> (every key optional, defaults
    /// in code; invalid values fail at start-up). Uses the registered <see cref="IWorkingDayCalendar"/>, or the
    /// <see cref="SerbianWorkingDayCalendar"/> when none is registered.
    /// </summary>
    public static IServiceCollection AddReferralLifecycle(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReferralPolicy>()
            .BindConfiguration(ReferralPolicy.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IWorkingDayCalendar, SerbianWorkingDayCalendar>();
        services.TryAddSingleton(sp => new ReferralDecider(
            sp.GetRequiredService<IWorkingDayCalendar>(),
            sp.GetRequiredService<IOptions<ReferralPolicy>>().Value));
        services.TryAddSingleton<IDecider<ReferralState, ReferralCommand>>(sp => sp.GetRequiredService<ReferralDecider>());
        return services;
    }
}
