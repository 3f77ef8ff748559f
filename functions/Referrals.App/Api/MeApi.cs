using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts;
using Referrals.App.Security;

namespace Referrals.App.Api;

/// <summary><c>GET /api/me</c>: the caller as this API resolved the token, so a client shows and scopes exactly
/// what the backend will enforce.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        // The authenticator resolves the caller: a valid token without one usable role and scope is 403 there.
        app.MapGet("/api/me", MeAsync)
            .WithTags("Identity")
            .WithSummary("Who am I")
            .WithDescription("The caller as the API resolved the token: subject, role, and the organisation (scouts) " +
                "or MSC (advisors) that limits what they see. 401 without a valid token; 403 when the token names no " +
                "usable role or lacks the scope claim its role needs.");
        return app;
    }

    internal static async Task<Results<Ok<CallerResponse>, ProblemHttpResult>> MeAsync(HttpRequest request,
        RequestAuthenticator authenticator, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        return TypedResults.Ok(new CallerResponse(caller.Subject, caller.Role, caller.Organisation, caller.Msc));
    }
}
