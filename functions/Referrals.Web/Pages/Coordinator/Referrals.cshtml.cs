using Microsoft.AspNetCore.Authorization;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages.Coordinator;

/// <summary>Every referral, filtered by MSC, status and overdue.</summary>
[Authorize(Policy = WebAuth.Coordinator)]
public sealed class ReferralsModel(UiClock clock, IReferralsApi api, ReferenceData reference)
    : ReferralListPage(clock, api, reference)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: true, forScout: false, cancellationToken);
}
