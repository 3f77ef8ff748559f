using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using Referrals.Web.Api;

namespace Referrals.Web.Auth;

/// <summary>Development: the token <c>POST /dev/token</c> gave at sign-in, kept in the server-side session.</summary>
public sealed class SessionAccessTokenSource : IAccessTokenSource
{
    public async Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        PendingAccessToken.Get(context) ?? await context.GetTokenAsync(WebAuth.CookieScheme, WebAuth.AccessTokenName);
}

/// <summary>Entra: an access token for the API's audience (<c>Api:Scopes</c>) from MSAL's cache, renewed with the
/// refresh token; when it cannot be renewed MSAL throws and the page filter sends the person to sign in again.</summary>
public sealed class EntraAccessTokenSource(IAuthorizationHeaderProvider headers, IOptions<ApiOptions> api) : IAccessTokenSource
{
    public async Task<string?> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var header = await headers.CreateAuthorizationHeaderForUserAsync(api.Value.Scopes, claimsPrincipal: context.User,
            cancellationToken: cancellationToken);
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..] : header;
    }
}
