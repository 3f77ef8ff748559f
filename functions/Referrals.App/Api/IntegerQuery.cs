using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Referrals.App.Api;

/// <summary>
/// Integer query values (pageSize, weeks) bound as text and parsed after authentication: minimal-API binding of an
/// <c>int?</c> runs before the endpoint, so a malformed value would answer 400 before the 401/403 the explicit
/// authentication call gives. The 400 is the one the binding failure gave, and the OpenAPI document describes the
/// parameter as an integer.
/// </summary>
public static class IntegerQuery
{
    /// <summary>False with the 400 when <paramref name="text"/> is not an integer (empty included, as the binder
    /// had it); absent is null.</summary>
    public static bool TryParse(string name, string? text, out int? value, out ProblemHttpResult problem)
    {
        value = null;
        problem = null!;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "The request is not valid.",
            $"Failed to bind parameter \"Nullable<int> {name}\" from \"{text}\".");
        return false;
    }
}
