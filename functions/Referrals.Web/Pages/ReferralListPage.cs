using Microsoft.AspNetCore.Mvc;
using ApiException = Refit.ApiException;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Localization;
using Referrals.Web.Services;

namespace Referrals.Web.Pages;

/// <summary>A filtered, paged referral list (inbox, scout list, coordinator list), most urgent first.</summary>
public abstract class ReferralListPage(UiClock clock, IReferralsApi api, ReferenceData reference) : WebPage(clock)
{
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

    public IReadOnlyList<MscResponse> Mscs { get; private set; } = [];

    public bool BadToken { get; private set; }

    protected async Task LoadAsync(bool showMsc, bool forScout, CancellationToken cancellationToken)
    {
        Mscs = await reference.MscsAsync(cancellationToken);
        var status = StatusNames.Parse(Status) is { } parsed ? StatusNames.Camel(parsed) : null;
        var msc = Mscs.FirstOrDefault(m => m.Id == Msc)?.Id;
        ReferralListResponse page;
        try
        {
            page = await api.ListReferralsAsync(status, Overdue ? true : null, msc, ContinuationToken, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.BadRequest && ContinuationToken is not null)
        {
            // A stale or edited "next" link: start again from the first page and say so.
            BadToken = true;
            page = await api.ListReferralsAsync(status, Overdue ? true : null, msc, null, cancellationToken);
        }

        var municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        var rows = InboxOrder.Sort(page.Items).Select(row => new ReferralRowView(
                row,
                row.Msc is null ? null : row.Msc.Name ?? Mscs.FirstOrDefault(m => m.Id == row.Msc.Id)?.Name ?? row.Msc.Id,
                row.MunicipalityName ?? municipalities.FirstOrDefault(m => m.Code == row.Municipality)?.NameLatin ?? row.Municipality,
                forScout && row.Returnee is { } name ? $"{name.GivenName} {name.FamilyName}" : null))
            .ToList();

        var next = page.ContinuationToken is { } token
            ? Url.Page(null, new { status = Status, overdue = Overdue ? "true" : null, msc = Msc, next = token })
            : null;
        List = new ReferralListView(rows, showMsc, forScout, Zone, next);
    }

    public IEnumerable<(string Value, string Label)> StatusOptions(UiText text) =>
        Enum.GetValues<ReferralStatus>().Select(s => (StatusNames.Camel(s), text.Of(s)));
}
