using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages;

/// <summary>A signed-in page: the caller (resolved by the page's policy, so always present) and their time zone.</summary>
public abstract class WebPage(UiClock clock) : PageModel
{
    private ApiCallerView? _caller;

    public ApiCallerView Caller => _caller ??= ApiCallerView.TryFrom(User, out var caller)
        ? caller
        : throw new InvalidOperationException("The page's policy admits only resolved callers.");

    public TimeZoneInfo Zone => clock.ZoneFor(Caller, User.FindFirst(WebAuth.ZoneInfoClaim)?.Value);

    public UiClock Clock => clock;

    public string When(DateTimeOffset instant) => UiClock.Format(instant, Zone);

    /// <summary>A message key for the next page (after a redirect).</summary>
    [TempData]
    public string? Flash { get; set; }

    /// <summary>A message (already in words) for the next page.</summary>
    [TempData]
    public string? FlashError { get; set; }
}
