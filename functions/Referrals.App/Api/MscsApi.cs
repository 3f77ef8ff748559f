using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Api.Referrals;
using Referrals.App.Security;
using Referrals.Domain.Directory;

namespace Referrals.App.Api;

/// <summary><c>GET /api/mscs</c>: the MSC directory for any signed-in user (office contacts only; the head's
/// personal contact stays internal).</summary>
public static class MscsApi
{
    internal static async Task<Results<Ok<MscResponse[]>, ProblemHttpResult>> ListAsync(HttpRequest request,
        RequestAuthenticator authenticator, [FromServices] MscDirectory mscs, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        return TypedResults.Ok(mscs.All
            .Select(m => new MscResponse(m.Id, m.Name, m.City, m.Address, m.Phone, m.Email, m.Hours, m.Municipalities))
            .ToArray());
    }
}
