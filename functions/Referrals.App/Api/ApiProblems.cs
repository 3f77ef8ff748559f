using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using Referrals.Contracts;

namespace Referrals.App.Api;

/// <summary>The problem responses (RFC 9457) the API answers with; <c>type</c> and <c>title</c> default from the
/// status, and the problem details service adds the trace id.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Validation(string key, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors: each key is the JSON path (or header or query parameter) of a field.",
        });

    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", detail);

    public static ProblemHttpResult NotFound(string what = "referral") =>
        Problem(StatusCodes.Status404NotFound, "Not found.",
            string.Create(CultureInfo.InvariantCulture, $"No {what} with this id is visible to you."));

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden.", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "The request conflicts with the referral's current state.", detail);

    public static ProblemHttpResult UnprocessableEntity(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "The command cannot be applied.", detail);

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
            "Send the body as application/json (UTF-8).");

    public static ProblemHttpResult PayloadTooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            string.Create(CultureInfo.InvariantCulture, $"The body may be at most {maxBytes} bytes."));

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
