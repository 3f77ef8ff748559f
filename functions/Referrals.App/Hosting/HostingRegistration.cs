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
            .ValidateOnStart();
        services.AddReferralsStorage();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.TryAddScoped<IDailyDigestJob, NoDailyDigestJob>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddHostedService<DemoSeeder>();

        if (configured.ControllableClock ?? environment.IsDevelopment())
        {
            var clock = new DevelopmentClock();
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
