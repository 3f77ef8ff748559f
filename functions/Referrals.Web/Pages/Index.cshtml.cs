using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages;

/// <summary>Sends each role to its start page.</summary>
[Authorize(Policy = WebAuth.AnyRole)]
public sealed class IndexModel(UiClock clock) : WebPage(clock)
{
    public IActionResult OnGet() => LocalRedirect(Caller.Role switch
    {
        Role.Scout => "/scout/referrals",
        Role.Advisor => "/inbox",
        _ => "/coordinator/referrals",
    });
}
