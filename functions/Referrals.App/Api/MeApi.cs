using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts;
using Referrals.App.Security;

namespace Referrals.App.Api;

/// <summary><c>GET /api/me</c>: the caller as this API resolved the token, so a client shows and scopes exactly
/// what the backend will enforce.</summary>
public static class MeApi
{
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
