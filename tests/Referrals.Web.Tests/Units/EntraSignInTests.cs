using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.App.Web.Auth;

namespace Referrals.Web.Tests.Units;

public sealed class EntraSignInTests
{
    [Fact]
    public async Task Without_a_client_id_no_Entra_scheme_is_registered_and_sign_in_stays_local()
    {
        await using var app = Build(new Dictionary<string, string?>());

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetSchemeAsync(WebAuth.OpenIdScheme));
    }

    [Fact]
    public async Task With_a_client_id_the_pages_sign_in_with_Entra_by_code_flow_into_the_page_cookie()
    {
        await using var app = Build(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "https://login.microsoftonline.com/tenant.example/v2.0",
            ["Web:Oidc:ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(WebAuth.OpenIdScheme);
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(WebAuth.OpenIdScheme);

        Assert.NotNull(scheme);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.Equal(WebAuth.CookieScheme, options.SignInScheme);
        Assert.False(options.MapInboundClaims);
        Assert.Equal("https://login.microsoftonline.com/tenant.example/v2.0", options.Authority);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuthentication();
        builder.AddEntraSignIn();
        return builder.Build();
    }
}
