using Microsoft.AspNetCore.Authorization;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.App.Web.Pages.Scout;

/// <summary>The organisation's referrals: status, and whether and when the MSC acknowledged.</summary>
[Authorize(Policy = WebAuth.Scout)]
public sealed class ReferralsModel(UiClock clock, WebReferrals referrals, MscDirectory mscs,
    MunicipalityDirectory municipalities, IWorkflowClient<ReferralState, ReferralCommand> workflow)
    : ReferralListPage(clock, referrals, mscs, municipalities)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: true, cancellationToken, workflow);
}
