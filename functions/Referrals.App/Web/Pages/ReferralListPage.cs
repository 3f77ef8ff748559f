using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Web.Pages;

/// <summary>A filtered, paged referral list (inbox, scout list, coordinator list), most urgent first.</summary>
public abstract class ReferralListPage(UiClock clock, WebReferrals referrals, MscDirectory mscs,
    MunicipalityDirectory municipalities) : WebPage(clock)
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Msc { get; set; }

    // "page" is the Razor Pages route value for the page itself, so the token travels as "next".
    [BindProperty(SupportsGet = true, Name = "next")]
    public string? ContinuationToken { get; set; }

    public ReferralListView List { get; private set; } = null!;

    public IReadOnlyList<MigrationServiceCentre> Mscs => mscs.All;

    public bool BadToken { get; private set; }

    protected async Task LoadAsync(bool showMsc, CancellationToken cancellationToken,
        IWorkflowClient<ReferralState, ReferralCommand>? statesForScout = null)
    {
        var status = StatusNames.Parse(Status);
        var msc = mscs.Find(Msc)?.Id;
        var page = await referrals.ListAsync(Caller, status, Overdue, msc, ContinuationToken, PageSize, cancellationToken);
        if (page is null)
        {
            BadToken = true;
            page = await referrals.ListAsync(Caller, status, Overdue, msc, null, PageSize, cancellationToken);
        }

        var rows = new List<ReferralRowView>();
        foreach (var row in InboxOrder.Sort(page!.Items))
        {
            var mscName = row.MscId is null ? null : mscs.Find(row.MscId)?.Name ?? row.MscId;
            var municipality = municipalities.ByCode(row.Municipality)?.NameLatin ?? row.Municipality;
            if (statesForScout is not null && await statesForScout.GetStateAsync(row.Id, cancellationToken) is { } state)
            {
                // The read model has no names or acknowledgement time; a scout's own page of at most 50 reads them
                // from the referral itself.
                rows.Add(new ReferralRowView(row, mscName, municipality,
                    $"{state.Details.Returnee.GivenName} {state.Details.Returnee.FamilyName}",
                    state.Acknowledgement?.At, state.FindDeadline(DeadlineKinds.Acknowledge)?.DueAt));
            }
            else
            {
                rows.Add(new ReferralRowView(row, mscName, municipality));
            }
        }

        var next = page.ContinuationToken is { } token
            ? Url.Page(null, new { status = Status, overdue = Overdue ? "true" : null, msc = Msc, next = token })
            : null;
        List = new ReferralListView(rows, showMsc, statesForScout is not null, Zone, next);
    }

    public IEnumerable<(string Value, string Label)> StatusOptions(Localization.UiText text) =>
        Enum.GetValues<ReferralStatus>().Select(s => (StatusNames.Camel(s), text.Of(s)));
}
