using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Web.Auth;

namespace Referrals.Web.Pages;

/// <summary>Ends the session (a POST, so a link or a prefetch cannot sign anyone out). The cookie handler removes the
/// session from the server-side store, so a copy of the cookie opens nothing afterwards; with Entra the person is
/// also signed out there.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInSettings settings) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/signin");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAuth.CookieScheme);
        if (settings.IsEntra)
        {
            return SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, WebAuth.OpenIdScheme);
        }

        return LocalRedirect("/signin");
    }
}
