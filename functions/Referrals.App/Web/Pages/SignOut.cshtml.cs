using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.App.Web.Auth;

namespace Referrals.App.Web.Pages;

/// <summary>Ends the page session (a POST, so a link or a prefetch cannot sign anyone out).</summary>
[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/signin");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAuth.CookieScheme);
        return LocalRedirect("/signin");
    }
}
