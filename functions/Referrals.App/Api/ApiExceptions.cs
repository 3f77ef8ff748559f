using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

using Referrals.Contracts;

namespace Referrals.App.Api;

/// <summary>
/// The last line: bad input that escaped a function's own checks (a body Kestrel refused, JSON that does not parse)
/// becomes its 4xx problem; anything else a 500 problem without internals (logged with the trace id).
/// </summary>
public static partial class ApiExceptions
{
    /// <summary>The log category of the 5xx it logs.</summary>
    public sealed class Category;

    /// <summary>The problem for <paramref name="exception"/> (the 5xx logged).</summary>
    public static ProblemDetails Describe(HttpContext httpContext, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", BadRequestDetail(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "The request is not valid.",
                $"Invalid JSON at {JsonErrorPath.ToKey(json.Path)}."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (499, "The client closed the request.", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The error has been logged; quote the trace id when reporting it."),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            Log.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        return new ProblemDetails { Status = status, Title = title, Detail = detail };
    }

    // Binding messages name the parameter and its type, never a body value; safe to pass on.
    private static string BadRequestDetail(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large."
            : exception.Message;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, PathString path);
    }
}
