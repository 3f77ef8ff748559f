using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ApiException = Refit.ApiException;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages;

/// <summary>
/// Sign-in. Development: a person picks a role and its scope, the backend's <c>POST /dev/token</c> issues the token,
/// <c>GET /api/me</c> says who that is, and the token stays in the server-side session. Entra: the page hands over
/// to OpenID Connect. Otherwise sign-in is not configured.
/// </summary>
[AllowAnonymous]
public sealed partial class SignInModel(SignInSettings settings, IReferralsApi api, ReferenceData reference, UiText text,
    ILogger<SignInModel> logger) : PageModel
{
    /// <summary>Whom the sign-in page reads the MSC list as (see <see cref="LoadMscsAsync"/>).</summary>
    private const string DirectoryReader = "web-signin-directory";

    [BindProperty]
    public DevSignInForm Form { get; set; } = new();

    public bool DevSignIn => settings.IsDevelopment;

    public IReadOnlyList<MscResponse> Mscs { get; private set; } = [];

    public bool Expired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool expired, CancellationToken cancellationToken)
    {
        Form.ReturnUrl = returnUrl;
        Expired = expired;
        if (DevSignIn)
        {
            await LoadMscsAsync(cancellationToken);
            return Page();
        }

        return settings.IsEntra && !expired
            ? Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, WebAuth.OpenIdScheme)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DevSignIn)
        {
            return NotFound();
        }

        if (!ApiCallerView.TryParseRole(Form.Role, out var role))
        {
            ModelState.AddModelError("Form.Role", text["error.required"]);
        }
        else if (role == Role.Scout && string.IsNullOrWhiteSpace(Form.Organisation))
        {
            ModelState.AddModelError("Form.Organisation", text["error.required"]);
        }
        else if (role == Role.Advisor && string.IsNullOrWhiteSpace(Form.Msc))
        {
            ModelState.AddModelError("Form.Msc", text["error.unknownMsc"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadMscsAsync(cancellationToken);
            return Page();
        }

        var request = new DevTokenRequest(Form.Role, Form.Subject,
            role == Role.Scout ? Form.Organisation!.Trim() : null,
            role == Role.Advisor ? Form.Msc!.Trim() : null);
        ApiCallerView? caller;
        var token = string.Empty;
        try
        {
            token = (await api.GetDevTokenAsync(request, cancellationToken)).AccessToken;
            PendingAccessToken.Set(HttpContext, token);
            caller = await CallerLookup.ResolveAsync(api, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.BadRequest
            or System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            foreach (var (path, messages) in ApiFailures.Problem(exception).Errors)
            {
                var key = path switch { "msc" => "Form.Msc", "org" => "Form.Organisation", "subject" => "Form.Subject", "role" => "Form.Role", _ => string.Empty };
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            caller = null;
        }
        catch (Exception exception) when (ApiFailures.IsUnavailable(exception, cancellationToken))
        {
            LogSignInUnavailable(logger);
            ModelState.AddModelError(string.Empty, text["signin.failed"]);
            await LoadMscsAsync(cancellationToken);
            return Page();
        }

        if (caller is null)
        {
            ModelState.AddModelError(string.Empty, text["signin.rejected"]);
            await LoadMscsAsync(cancellationToken);
            return Page();
        }

        var identity = new ClaimsIdentity(WebAuth.ClaimsFor(caller), WebAuth.CookieScheme, WebAuth.SubjectClaim, WebAuth.RoleClaim);
        var properties = new AuthenticationProperties();
        // Kept with the session in the server-side store, never in the cookie.
        properties.StoreTokens([new AuthenticationToken { Name = WebAuth.AccessTokenName, Value = token }]);
        await HttpContext.SignInAsync(WebAuth.CookieScheme, new ClaimsPrincipal(identity), properties);
        return LocalRedirect(Local(Form.ReturnUrl));
    }

    /// <summary>
    /// The MSC directory for the advisor's choice. <c>GET /api/mscs</c> needs a signed-in caller and nobody is signed
    /// in yet, so in Development only the page asks <c>/dev/token</c> for a neutral coordinator identity and reads
    /// the directory with it (reference data, cached; the token is used for that one read and never kept). If that
    /// fails the form falls back to typing the MSC id, which the backend checks when it issues the token.
    /// </summary>
    private async Task LoadMscsAsync(CancellationToken cancellationToken)
    {
        if (reference.CachedMscs is { } cached)
        {
            Mscs = cached;
            return;
        }

        try
        {
            var token = await api.GetDevTokenAsync(new DevTokenRequest("coordinator", DirectoryReader), cancellationToken);
            var previous = PendingAccessToken.Get(HttpContext);
            PendingAccessToken.Set(HttpContext, token.AccessToken);
            Mscs = await reference.MscsAsync(cancellationToken);
            if (previous is not null)
            {
                PendingAccessToken.Set(HttpContext, previous);
            }
        }
        catch (Exception exception) when (exception is ApiException || ApiFailures.IsUnavailable(exception, cancellationToken))
        {
            LogDirectoryUnavailable(logger);
            Mscs = [];
        }
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Development sign-in: the API could not be reached.")]
    private static partial void LogSignInUnavailable(ILogger logger);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Information, Message = "Development sign-in: the MSC directory could not be read; the MSC is typed instead.")]
    private static partial void LogDirectoryUnavailable(ILogger logger);
}
