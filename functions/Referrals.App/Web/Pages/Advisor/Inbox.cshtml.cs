using Microsoft.AspNetCore.Authorization;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;

namespace Referrals.App.Web.Pages.Advisor;

/// <summary>The advisor's inbox: their MSC's referrals, most urgent first, each with its next deadline.</summary>
[Authorize(Policy = WebAuth.Advisor)]
public sealed class InboxModel(UiClock clock, WebReferrals referrals, MscDirectory mscs, MunicipalityDirectory municipalities)
    : ReferralListPage(clock, referrals, mscs, municipalities)
{
    public string MscName => Mscs.FirstOrDefault(m => m.Id == Caller.Msc)?.Name ?? Caller.Msc!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: false, cancellationToken);
}
