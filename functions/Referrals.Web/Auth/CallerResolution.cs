using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Referrals.Web.Api;

namespace Referrals.Web.Auth;

/// <summary>Asks the API who the caller is (<c>GET /api/me</c>): pages show and allow what the API will.</summary>
public static class CallerLookup
{
    public static async Task<ApiCallerView> ResolveAsync(IReferralsApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var me = await api.GetMeAsync(cancellationToken);
        return new ApiCallerView(me.Subject, me.Role, me.Org, me.Msc);
    }
}

/// <summary>
/// Entra sign-in: on the first request after OpenID Connect signed someone in, asks the API who they are and keeps
/// the answer in the session (the role and scope come from the API's reading of the token, as for any client).
/// </summary>
public sealed partial class CallerResolutionMiddleware(RequestDelegate next, ILogger<CallerResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, SignInSettings settings, IReferralsApi api)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.IsEntra || context.User.Identity?.IsAuthenticated != true || ApiCallerView.TryFrom(context.User, out _)
            || IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }

        ApiCallerView? caller;
        try
        {
            caller = await CallerLookup.ResolveAsync(api, context.RequestAborted);
        }
        catch (Refit.ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            caller = null;
        }

        if (caller is null)
        {
            LogUnresolved(logger);
            await context.SignOutAsync(WebAuth.CookieScheme);
            context.Response.Redirect("/access-denied");
            return;
        }

        var authenticated = await context.AuthenticateAsync(WebAuth.CookieScheme);
        var identity = new ClaimsIdentity(context.User.Claims.Concat(WebAuth.ClaimsFor(caller)), WebAuth.CookieScheme,
            WebAuth.SubjectClaim, WebAuth.RoleClaim);
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(WebAuth.CookieScheme, principal, authenticated.Properties);
        context.User = principal;
        await next(context);
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/signout") || path.StartsWithSegments("/css") || path.StartsWithSegments("/access-denied")
        || path.StartsWithSegments("/error") || path.StartsWithSegments("/signin-oidc");

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Sign-in: the API resolved no usable caller for the signed-in identity.")]
    private static partial void LogUnresolved(ILogger logger);
}
