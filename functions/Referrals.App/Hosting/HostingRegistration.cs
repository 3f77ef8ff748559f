using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.App.Hosting.Clock;
using Referrals.App.Hosting.CustomHandler;
using Referrals.App.Hosting.Demo;
using Referrals.App.Hosting.Health;
using Referrals.App.Hosting.Standalone;
using Referrals.App.Hosting.Storage;
using Referrals.Workflow;

namespace Referrals.App.Hosting;

/// <summary>Storage, the workflow runtime, the two hosting modes, the development clock and health.</summary>
public static class HostingRegistration
{
    /// <summary>The old app's host: resolves the hosting mode, then the shared services, then what only this host
    /// has (the custom handler's port, or the standalone runtime's hosted services).</summary>
    public static WebApplicationBuilder AddReferralsHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configured = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        var decision = HostingModeResolver.Resolve(configured.Mode, builder.Configuration[HostingOptions.CustomHandlerPortVariable]);

        services.AddOptions<HostingOptions>()
            .Validate(_ => decision.Error is null, decision.Error ?? string.Empty);
        services.AddSingleton(decision);
        services.AddReferralsHosting(builder.Configuration, builder.Environment);

        if (decision.Mode == HostingMode.CustomHandler)
        {
            if (decision.ListenPort is { } port)
            {
                // The Functions host calls the handler on 127.0.0.1 at the port it chose; nothing else may reach it.
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            }
        }
        else
        {
            services.AddStandaloneWorkflowHosting();
        }

        return builder;
    }

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
            .Validate(options => options.DailyDigestInterval >= TimeSpan.FromSeconds(1), "Hosting:DailyDigestInterval must be at least 1 s.")
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

    /// <summary>The workflow runtime's storage initializer, dispatch-queue poller and timer sweeper, and the digest
    /// beside them: the old app's standalone mode.</summary>
    public static IServiceCollection AddStandaloneWorkflowHosting(this IServiceCollection services)
    {
        services.AddWorkflowStandaloneHosting();
        services.AddHostedService<DailyDigestService>();
        return services;
    }

    public static WebApplication MapReferralsHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();

        if (app.Services.GetRequiredService<HostingModeDecision>().Mode == HostingMode.CustomHandler)
        {
            app.MapCustomHandlerTriggers();
        }

        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentClock();
        }

        return app;
    }
}
