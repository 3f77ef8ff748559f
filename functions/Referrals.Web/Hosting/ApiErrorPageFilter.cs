using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using MsalUiRequiredException = Microsoft.Identity.Client.MsalUiRequiredException;
using Microsoft.Identity.Web;
using Refit;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Hosting;

/// <summary>
/// Around every page handler: reads business time first, and turns what the API said into what the person sees
/// when the page did not handle it itself. 401: the session is over (sign out, back to sign-in with a message);
/// MSAL needs the person: challenge; 403/404: the app's error pages; API down or 5xx: a friendly page, and for a
/// form post that page carries everything that was posted, with a button to send it again as it was.
/// </summary>
public sealed partial class ApiErrorPageFilter(UiClock clock, IModelMetadataProvider metadata, ILogger<ApiErrorPageFilter> logger)
    : IAsyncPageFilter
{
    public const string UnavailableView = "/Pages/Shared/Unavailable.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await clock.InitializeAsync(context.HttpContext.RequestAborted);
        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled
            && await HandleAsync(context.HttpContext, exception) is { } result)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private async Task<IActionResult?> HandleAsync(HttpContext context, Exception exception)
    {
        if (Find<MsalUiRequiredException>(exception) is not null || Find<MicrosoftIdentityWebChallengeUserException>(exception) is not null)
        {
            var back = HttpMethods.IsGet(context.Request.Method) ? context.Request.Path + context.Request.QueryString : "/";
            return new ChallengeResult(WebAuth.OpenIdScheme, new AuthenticationProperties { RedirectUri = back });
        }

        switch (ApiFailures.StatusOf(exception))
        {
            case StatusCodes.Status401Unauthorized:
                LogSessionEnded(logger);
                await context.SignOutAsync(WebAuth.CookieScheme);
                return new RedirectResult("/signin?expired=true");
            case StatusCodes.Status403Forbidden:
            case StatusCodes.Status404NotFound:
                return new StatusCodeResult(ApiFailures.StatusOf(exception)!.Value);
        }

        if (!ApiFailures.IsUnavailable(exception, context.RequestAborted))
        {
            return null;
        }

        LogUnavailable(logger, context.Request.Method, ApiFailures.StatusOf(exception), exception.GetType().Name);
        return Unavailable(context, metadata);
    }

    /// <summary>The "service unavailable" page; after a failed form post it offers to send the same form again.</summary>
    public static ViewResult Unavailable(HttpContext context, IModelMetadataProvider metadata)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = new UnavailableModel(context.Request.Path + context.Request.QueryString, []);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            model = model with
            {
                Fields = [.. context.Request.Form
                    .Where(f => f.Key != "__RequestVerificationToken")
                    .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))],
                IsResend = true,
            };
        }

        return new ViewResult
        {
            ViewName = UnavailableView,
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<UnavailableModel>(metadata, new ModelStateDictionary()) { Model = model },
        };
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "The API no longer accepts the session's token; signing the person out.")]
    private static partial void LogSessionEnded(ILogger logger);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "The API is unavailable for a {Method} ({Status}, {Failure}).")]
    private static partial void LogUnavailable(ILogger logger, string method, int? status, string failure);
}

/// <summary>What the unavailable page shows: where to send again, and the posted fields (null for a GET).</summary>
public sealed record UnavailableModel(string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, bool IsResend = false);
