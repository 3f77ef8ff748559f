using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Referrals.Web.Api;

namespace Referrals.Web.Auth;

/// <summary>The sign-in mode this instance runs with, decided once at start-up.</summary>
public sealed record SignInSettings(SignInMode Mode)
{
    public bool IsDevelopment => Mode == SignInMode.Development;

    public bool IsEntra => Mode == SignInMode.Entra;
}

/// <summary>Cookie session (the default scheme) with a server-side store, plus either the Development sign-in or
/// Microsoft Entra ID through Microsoft.Identity.Web.</summary>
internal static class SignInRegistration
{
    public const string EntraSection = "AzureAd";

    public static SignInMode Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetValue<SignInMode?>($"{WebOptions.SectionName}:{nameof(WebOptions.SignIn)}") ?? SignInMode.Auto;
        if (configured != SignInMode.Auto)
        {
            return configured;
        }

        return !string.IsNullOrWhiteSpace(configuration[$"{EntraSection}:ClientId"]) ? SignInMode.Entra
            : environment.IsDevelopment() ? SignInMode.Development
            : SignInMode.None;
    }

    public static void AddWebSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var mode = Resolve(builder.Configuration, builder.Environment);
        if (mode == SignInMode.Development && !builder.Environment.IsDevelopment())
        {
            // Picking any role by hand is a Development convenience; the backend's /dev/token exists only there too.
            throw new OptionsValidationException(WebOptions.SectionName, typeof(WebOptions),
                ["Web:SignIn=Development is allowed only in the Development environment."]);
        }

        services.AddSingleton(new SignInSettings(mode));
        services.AddDistributedMemoryCache();
        services.AddSingleton<ITicketStore, DistributedTicketStore>();

        if (mode == SignInMode.Entra)
        {
            var scopes = builder.Configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.Scopes)}").Get<string[]>() ?? [];
            if (scopes.Length == 0)
            {
                throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions),
                    ["Api:Scopes is required for Entra sign-in (the API's audience, e.g. api://referrals/.default)."]);
            }

            services.AddAuthentication(options =>
                {
                    options.DefaultScheme = WebAuth.CookieScheme;
                    options.DefaultChallengeScheme = WebAuth.OpenIdScheme;
                })
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection(EntraSection), WebAuth.OpenIdScheme, WebAuth.CookieScheme)
                .EnableTokenAcquisitionToCallDownstreamApi(scopes)
                .AddInMemoryTokenCaches();
            services.AddSingleton<IAccessTokenSource, EntraAccessTokenSource>();
        }
        else
        {
            services.AddAuthentication(WebAuth.CookieScheme).AddCookie(WebAuth.CookieScheme);
            services.AddSingleton<IAccessTokenSource, SessionAccessTokenSource>();
        }

        services.AddOptions<CookieAuthenticationOptions>(WebAuth.CookieScheme)
            .Configure<ITicketStore, IOptions<WebOptions>>((options, store, web) =>
            {
                options.Cookie.Name = "referrals.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/access-denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(web.Value.SessionHours);
                options.SlidingExpiration = true;
                options.SessionStore = store;
                // Sessions last in wall-clock time: advancing the Development clock must not sign people out.
                options.TimeProvider = TimeProvider.System;
            });
    }
}
