using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;

namespace Referrals.Domain;

/// <summary>Registers the calendar, quiet hours, reference data and intake validation.</summary>
public static class ReferralDomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IWorkingDayCalendar"/>, <see cref="QuietHours"/>, <see cref="ReferenceData"/>,
    /// <see cref="MunicipalityDirectory"/>, <see cref="MscDirectory"/> and <see cref="IntakeValidator"/> as singletons,
    /// with options from the sections "QuietHours", "ReferenceData" and "Intake", all validated at start-up (the
    /// reference files are loaded and cross-checked then).
    /// </summary>
    public static IServiceCollection AddReferralDomain(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<IWorkingDayCalendar, SerbianWorkingDayCalendar>();

        services.AddOptions<QuietHoursOptions>().BindConfiguration(QuietHoursOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<QuietHours>();

        services.AddOptions<ReferenceDataOptions>().BindConfiguration(ReferenceDataOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferenceDataOptions>, ReferenceDataOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var data = ReferenceDataLoader.Load(provider.GetRequiredService<IOptions<ReferenceDataOptions>>().Value);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReferenceData).FullName!);
            ReferenceDataLog.Loaded(logger, data.Municipalities.All.Count, data.Mscs.All.Count);
            if (data.IsSample)
            {
                ReferenceDataLog.SampleDirectory(logger);
            }

            return data;
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<ReferenceData>().Municipalities);
        services.TryAddSingleton(provider => provider.GetRequiredService<ReferenceData>().Mscs);

        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IntakeValidator>();
        return services;
    }
}
