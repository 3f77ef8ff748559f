using Microsoft.AspNetCore.Authorization;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages.Scout;

/// <summary>The organisation's referrals: status, and whether and when the MSC acknowledged.</summary>
[Authorize(Policy = WebAuth.Scout)]
public sealed class ReferralsModel(UiClock clock, IReferralsApi api, ReferenceData reference)
    : ReferralListPage(clock, api, reference)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: true, forScout: true, cancellationToken);
}
