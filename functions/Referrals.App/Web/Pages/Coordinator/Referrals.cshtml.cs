using Microsoft.AspNetCore.Authorization;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;

namespace Referrals.App.Web.Pages.Coordinator;

/// <summary>Every referral, filtered by MSC, status and overdue.</summary>
[Authorize(Policy = WebAuth.Coordinator)]
public sealed class ReferralsModel(UiClock clock, WebReferrals referrals, MscDirectory mscs, MunicipalityDirectory municipalities)
    : ReferralListPage(clock, referrals, mscs, municipalities)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: true, cancellationToken);
}
