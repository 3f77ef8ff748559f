using Microsoft.AspNetCore.Mvc.ModelBinding;
using Referrals.Web.Api;
using Referrals.Web.Localization;

namespace Referrals.Web.Services;

/// <summary>Puts a 400's field errors (keyed by JSON path) next to the form's fields; errors the form has no field
/// for go to the summary.</summary>
public static class FormErrors
{
    public static void Apply(ModelStateDictionary modelState, string prefix, ApiProblem problem, UiText text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (path, messages) in problem.Errors)
        {
            var field = ReferralForm.FieldFor(path);
            var key = field is null ? string.Empty : $"{prefix}.{field}";
            if (field is not null && modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue; // the binder already said what is wrong with this field
            }

            foreach (var message in messages)
            {
                modelState.AddModelError(key, ProblemText.Localize(message, text));
            }
        }

        if (problem.Errors.Count == 0 && problem.Status != StatusCodes.Status409Conflict && (problem.Detail ?? problem.Title) is { } said)
        {
            modelState.AddModelError(string.Empty, said);
        }
    }
}
