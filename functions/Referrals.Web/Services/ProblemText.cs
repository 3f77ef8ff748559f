using Referrals.Web.Api;
using Referrals.Web.Localization;

namespace Referrals.Web.Services;

/// <summary>What a refused command says on the referral page: a 409's reason, or a 400's field messages.</summary>
public static class ProblemText
{
    public static string ForAction(ApiProblem problem, UiText text)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        if (problem.Status == StatusCodes.Status409Conflict)
        {
            return $"{text["error.conflict"]} {problem.Detail ?? problem.Title}".TrimEnd();
        }

        var messages = problem.Errors.SelectMany(e => e.Value.Select(m => Localize(m, text))).Distinct(StringComparer.Ordinal).ToList();
        var said = messages.Count > 0 ? string.Join(" ", messages) : problem.Detail ?? problem.Title;
        return $"{text["error.rejectedInput"]} {said}".TrimEnd();
    }

    /// <summary>The API writes "Required." for a missing field; the pages say it in the person's language.</summary>
    public static string Localize(string message, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return message == "Required." ? text["error.required"] : message;
    }
}
