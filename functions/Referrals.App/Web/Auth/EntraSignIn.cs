using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Referrals.App.Security;

namespace Referrals.App.Web.Auth;

/// <summary>
/// Sign-in for the pages with Microsoft Entra ID (OpenID Connect, authorization code flow), registered when
/// <c>Web:Oidc:ClientId</c> is set. The authority is the API's (<c>Auth:Authority</c>), and app roles and the org/MSC
/// claims are mapped exactly as for API tokens, so a person has the same scope on both.
/// </summary>
internal static class EntraSignIn
{
    public const string SectionName = "Web:Oidc";

    public static void AddEntraSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        if (string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(WebAuth.OpenIdScheme, options =>
        {
            options.Authority = builder.Configuration["Auth:Authority"]
                ?? throw new InvalidOperationException("Auth:Authority is required for Web:Oidc sign-in.");
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SignInScheme = WebAuth.CookieScheme;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Events.OnTokenValidated = context =>
            {
                var auth = context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                JwtBearerSetup.NormalizeEntraClaims(context.Principal, auth);
                return Task.CompletedTask;
            };
        });
    }
}
