using Microsoft.Extensions.Options;
using Referrals.App.Api.Reports;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Demo;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;

namespace Referrals.App.Web;

/// <summary>The server-rendered pages for scouts, advisors and coordinators.</summary>
public static class WebRegistration
{
    public static WebApplicationBuilder AddReferralsWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "referrals.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Pages sign in with a cookie of their own; the API keeps JWT bearer as the default scheme.
        services.AddAuthentication().AddCookie(WebAuth.CookieScheme, options =>
        {
            options.Cookie.Name = "referrals.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = "/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Sessions last in wall-clock time: advancing the Development clock by days must not sign people out.
            options.TimeProvider = TimeProvider.System;
        });
        builder.AddEntraSignIn();
        services.AddAuthorizationBuilder().AddWebPolicies();

        services.AddSingleton<UiText>();
        services.AddSingleton<UiClock>();
        services.AddScoped<WebReferrals>();
        services.AddHostedService<DemoSeeder>();
        return builder;
    }

    public static WebApplication MapReferralsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var localization = UiCultures.CreateOptions();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseRequestLocalization(localization));
        app.UseStaticFiles();
        app.MapRazorPages();
        app.MapDashboardCsv();
        return app;
    }

    private static void MapDashboardCsv(this WebApplication app) =>
        app.MapGet("/coordinator/dashboard.csv", async (DashboardReport report, IOptions<WebOptions> options, TimeProvider time,
                CancellationToken cancellationToken) =>
            {
                var figures = await report.ComputeAsync(options.Value.DashboardWeeks, cancellationToken);
                var name = DashboardCsv.FileName(time.GetUtcNow());
                return Results.File(System.Text.Encoding.UTF8.GetBytes(DashboardCsv.Write(figures)), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(WebAuth.Coordinator)
            .ExcludeFromDescription();
}
