using Microsoft.AspNetCore.Authorization;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;

namespace Referrals.Web.Pages.Advisor;

/// <summary>The advisor's inbox: their MSC's referrals, most urgent first, each with its next deadline.</summary>
[Authorize(Policy = WebAuth.Advisor)]
public sealed class InboxModel(UiClock clock, IReferralsApi api, ReferenceData reference)
    : ReferralListPage(clock, api, reference)
{
    public string MscName => Mscs.FirstOrDefault(m => m.Id == Caller.Msc)?.Name ?? Caller.Msc ?? string.Empty;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(showMsc: false, forScout: false, cancellationToken);
}
