using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.App.Hosting.Clock;
using Referrals.App.Hosting.Demo;
using Referrals.App.Hosting.Health;
using Referrals.App.Hosting.Standalone;
using Referrals.App.Hosting.Storage;
using Referrals.Workflow;

namespace Referrals.App.Hosting;

/// <summary>Storage, the workflow runtime, the two hosting modes, the development clock and health.</summary>
public static class HostingRegistration
{
    public static WebApplicationBuilder AddReferralsHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configured = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        var decision = HostingModeResolver.Resolve(configured.Mode, builder.Configuration[HostingOptions.CustomHandlerPortVariable]);

        services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .Validate(_ => decision.Error is null, decision.Error ?? string.Empty)
            .Validate(options => options.DevClockIdleTimeout > TimeSpan.Zero, "Hosting:DevClockIdleTimeout must be positive.")
            .Validate(options => options.DailyDigestInterval >= TimeSpan.FromSeconds(1), "Hosting:DailyDigestInterval must be at least 1 s.")
            .ValidateOnStart();
        services.AddSingleton(decision);
        services.AddReferralsStorage();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.TryAddScoped<IDailyDigestJob, NoDailyDigestJob>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddHostedService<DemoSeeder>();

        if (configured.ControllableClock ?? builder.Environment.IsDevelopment())
        {
            var clock = new DevelopmentClock();
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

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
            services.AddHostedService<DailyDigestService>();
        }

        return builder;
    }

    public static WebApplication MapReferralsHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();

        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentClock();
        }

        return app;
    }
}
