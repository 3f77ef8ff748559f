using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.App.Security;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;

namespace Referrals.App.Web.Pages;

/// <summary>A signed-in page: the caller (resolved by the page's policy, so always present) and their time zone.</summary>
public abstract class WebPage(UiClock clock) : PageModel
{
    private Caller? _caller;

    public Caller Caller => _caller ??= Caller.TryFrom(User, out var caller)
        ? caller
        : throw new InvalidOperationException("The page's policy admits only resolved callers.");

    public TimeZoneInfo Zone => clock.ZoneFor(Caller, User.FindFirst(WebAuth.ZoneInfoClaim)?.Value);

    public UiClock Clock => clock;

    public string When(DateTimeOffset instant) => UiClock.Format(instant, Zone);

    /// <summary>A message for the next page (after a redirect).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? FlashError { get; set; }
}
