using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Dashboard;
using Referrals.Web.Hosting;
using Referrals.Web.Localization;

namespace Referrals.Web;

/// <summary>The staff pages as a client of the public API: options, the typed client, sign-in, pages.</summary>
public static class WebRegistration
{
    public static WebApplicationBuilder AddReferralsWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingletonTimeProvider();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();

        services.AddTransient<BearerTokenHandler>();
        // The generated client (Refit 16 builds requests by reflection only with Refit.Reflection, which we do not
        // take); bodies are read and written with the wire model's own options (BCP 47 tags, strict enums).
        services.AddRefitGeneratedClient<IReferralsApi>(_ => new RefitSettings(new SystemTextJsonContentSerializer(ReferralJson.Options)))
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<IOptions<ApiOptions>>().Value.BaseUrl)
            .AddHttpMessageHandler<BearerTokenHandler>()
            // Retries only for GET/HEAD/OPTIONS...: a POST or PATCH that timed out may have been applied, so it is never
            // sent twice behind the person's back (they resend it themselves; a submit keeps its Idempotency-Key).
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                // A person is waiting on the page: two quick retries, then the "not reachable" page, not half a minute.
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(250);
            });

        services.AddRazorPages(options => options.Conventions
                // The routes WEB-SPLIT.md names, next to today's (emailed links and bookmarks keep working).
                .AddPageRoute("/Scout/New", "/scout/new")
                .AddPageRoute("/Advisor/Inbox", "/advisor/inbox"))
            .AddMvcOptions(options => options.Filters.Add<ApiErrorPageFilter>());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "referrals.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        builder.AddWebSignIn();
        services.AddAuthorizationBuilder().AddWebPolicies();

        services.AddSingleton<UiText>();
        services.AddScoped<UiClock>();
        services.AddSingleton<DevClockCache>();
        services.AddScoped<BusinessClock>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<DashboardCharts>();
        

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (builder.Configuration.GetValue<bool>($"{WebOptions.SectionName}:{nameof(WebOptions.TrustAllProxies)}"))
            {
                // App Service's front ends have no fixed addresses; only where the app is reachable through them alone.
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });
        return builder;
    }

    public static WebApplication UseReferralsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var web = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        if (web.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(EntraOrigin(app.Configuration, app.Services.GetRequiredService<SignInSettings>()));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization(UiCultures.CreateOptions());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CallerResolutionMiddleware>();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapDashboardCsv();
        
        return app;
    }

    private static string? EntraOrigin(IConfiguration configuration, SignInSettings settings) =>
        settings.IsEntra && Uri.TryCreate(configuration[$"{SignInRegistration.EntraSection}:Instance"] ?? "https://login.microsoftonline.com/",
            UriKind.Absolute, out var instance)
            ? instance.GetLeftPart(UriPartial.Authority)
            : null;

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
