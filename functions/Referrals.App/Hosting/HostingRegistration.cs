using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.App.Hosting.Clock;
using Referrals.App.Hosting.Demo;
using Referrals.App.Hosting.Health;
using Referrals.App.Hosting.Storage;
using Referrals.Workflow;

namespace Referrals.App.Hosting;

/// <summary>Storage, the development clock, health and demo seeding.</summary>
public static class HostingRegistration
{
    /// <summary>What every host of the backend needs: storage, the clock (controllable in Development), health,
    /// demo seeding and the hosting options.</summary>
    public static IServiceCollection AddReferralsHosting(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();

        services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .Validate(options => options.DevClockIdleTimeout > TimeSpan.Zero, "Hosting:DevClockIdleTimeout must be positive.")
            .Validate(options => options.ClockOffset >= TimeSpan.Zero, "Hosting:ClockOffset must not be negative.")
            .ValidateOnStart();
        services.AddReferralsStorage();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.TryAddScoped<IDailyDigestJob, NoDailyDigestJob>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddHostedService<DemoSeeder>();

        if (configured.ControllableClock ?? environment.IsDevelopment())
        {
            // A negative offset is refused by the options validation at start, naming the setting.
            var clock = new DevelopmentClock(configured.ClockOffset > TimeSpan.Zero ? configured.ClockOffset : TimeSpan.Zero);
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        return services;
    }
}
