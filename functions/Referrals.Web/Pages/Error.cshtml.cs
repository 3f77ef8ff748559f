using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages;

/// <summary>The app's own error pages (status code pages re-execute here): 403, 404, 5xx and the rest.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    // A failed POST is re-executed as a POST: show the same page.
    public void OnPost(int code) => Code = code;

    public string Title(UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Code switch
        {
            403 => text["denied.title"],
            404 => text["error.notFound.title"],
            >= 500 => text["error.unavailable.title"],
            _ => text["error.title"],
        };
    }
}
