using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;

namespace Referrals.App.Api;

/// <summary><c>POST /dev/token</c>: a signed token for any role, Development only (not mapped elsewhere).</summary>
public static class DevTokenApi
{
    private const int MaxClaimLength = 64;

    internal static async Task<Results<Ok<DevTokenResponse>, ProblemHttpResult>> IssueAsync(
        HttpRequest request, DevTokenIssuer issuer, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DevTokenRequest>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!RoleNames.TryParse(input.Role, out var role))
        {
            errors["role"] = ["Expected one of: scout, advisor, coordinator."];
        }

        CheckClaim(errors, "subject", input.Subject, required: true);
        CheckClaim(errors, "org", input.Org, required: role == Role.Scout && !errors.ContainsKey("role"));
        CheckClaim(errors, "msc", input.Msc, required: role == Role.Advisor && !errors.ContainsKey("role"));
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var caller = new Caller(input.Subject!, role, role == Role.Scout ? input.Org : null,
            role == Role.Advisor ? input.Msc : null);
        return TypedResults.Ok(new DevTokenResponse(issuer.Issue(caller)));
    }

    private static void CheckClaim(Dictionary<string, string[]> errors, string name, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors[name] = ["Required."];
            }

            return;
        }

        if (value.Length is 0 or > MaxClaimLength
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
        {
            errors[name] = [$"1-{MaxClaimLength} letters, digits, '-', '_', '.' or '@'."];
        }
    }
}
