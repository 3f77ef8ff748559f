using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ApiException = Refit.ApiException;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;
using Referrals.Web.Services;

namespace Referrals.Web.Pages;

/// <summary>
/// One referral, where emailed links land (<c>/referrals/{id}</c>). Opening it only reads; every change is a POST with
/// an antiforgery token, so a mail scanner following the link never acknowledges anything. Actions shown depend on
/// the role and the status; the API has the last word (a 409 shows its reason here, a 400 its field errors).
/// </summary>
[Authorize(Policy = WebAuth.AnyRole)]
public sealed class ReferralModel(UiClock clock, UiText text, IReferralsApi api, ReferenceData reference) : WebPage(clock)
{
    private const int MaxText = 2000;

    public ReferralResponse Referral { get; private set; } = null!;

    public IReadOnlyList<MscResponse> Mscs { get; private set; } = [];

    public string ArrivalPointName { get; private set; } = string.Empty;

    public ChecklistResponse? Checklist { get; private set; }

    public ReferralFacts Facts { get; private set; } = null!;

    public string MscName(MscRef? msc) =>
        msc is null ? text["list.routingQueue"] : msc.Name ?? Mscs.FirstOrDefault(m => m.Id == msc.Id)?.Name ?? msc.Id;

    public string MunicipalityName => Referral.MunicipalityName ?? Referral.Municipality;

    public DateOnly Today => Clock.Today(Zone);

    public bool IsRole(Role role) => Caller.Role == role;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Referral = await api.GetReferralAsync(id, cancellationToken);
        Facts = ReferralFacts.Of(Referral, Clock.Now);
        Mscs = await reference.MscsAsync(cancellationToken);
        var points = await reference.ArrivalPointsAsync(cancellationToken);
        ArrivalPointName = points.FirstOrDefault(p => p.Code == Referral.ArrivalPoint)?.Name ?? Referral.ArrivalPoint;
        try
        {
            Checklist = await reference.ChecklistAsync(UiText.CurrentLanguage, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound)
        {
            Checklist = null; // the checklist is help text: the referral is shown without it
        }

        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(string id, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.acknowledged", () => TooLong(note),
            ct => api.AcknowledgeAsync(id, new AcknowledgeRequest(Trim(note)), ct), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string id, RejectionReason? reason, string? note, string? suggestedMsc,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.rejected",
            () => reason is null ? text["error.reasonRequired"] : TooLong(note),
            ct => api.RejectAsync(id, new RejectRequest(reason, Trim(note), Trim(suggestedMsc)), ct), cancellationToken);

    public Task<IActionResult> OnPostArrivalAsync(string id, DateOnly? arrivedOn, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.arrived",
            () => arrivedOn is null ? text["error.dateRequired"] : null,
            ct => api.RecordArrivalAsync(id, new ArrivalRequest(arrivedOn), ct), cancellationToken);

    public Task<IActionResult> OnPostFirstContactAsync(string id, DateOnly? on, string? note,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.firstContact",
            () => on is null ? text["error.dateRequired"] : TooLong(note),
            ct => api.RecordFirstContactAsync(id, new FirstContactRequest(on, Trim(note)), ct), cancellationToken);

    public Task<IActionResult> OnPostFollowUpAsync(string id, int number, string? outcome, string? note,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.followUp",
            () => number is < 1 or > 3 ? text["error.followUpNumber"]
                : string.IsNullOrWhiteSpace(outcome) ? text["error.outcomeRequired"] : TooLong(outcome) ?? TooLong(note),
            ct => api.RecordFollowUpAsync(id, number, new OutcomeRequest(outcome!.Trim(), Trim(note)), ct), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, string? outcome, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor, Role.Coordinator], "flash.closed",
            () => string.IsNullOrWhiteSpace(outcome) ? text["error.outcomeRequired"] : TooLong(outcome) ?? TooLong(note),
            ct => api.CloseAsync(id, new OutcomeRequest(outcome!.Trim(), Trim(note)), ct), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string id, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Scout], "flash.withdrawn",
            () => string.IsNullOrWhiteSpace(reason) ? text["error.reasonRequired"] : TooLong(reason),
            ct => api.WithdrawAsync(id, new WithdrawRequest(reason!.Trim()), ct), cancellationToken);

    public Task<IActionResult> OnPostChangeDateAsync(string id, DateOnly? expectedReturnDate,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Scout], "flash.dateChanged",
            () => expectedReturnDate is null ? text["error.dateRequired"] : null,
            ct => api.PatchReferralAsync(id, new PatchReferralRequest(ExpectedReturnDate: expectedReturnDate), ct), cancellationToken);

    // The API checks the number as at intake (it must take SMS when the returnee agreed to SMS).
    public Task<IActionResult> OnPostChangePhoneAsync(string id, string? phone, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Scout], "flash.phoneChanged",
            () => string.IsNullOrWhiteSpace(phone) ? text["error.required"] : null,
            ct => api.PatchReferralAsync(id, new PatchReferralRequest(Returnee: new PatchReturneeRequest(Phone: phone!.Trim())), ct),
            cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(string id, string? msc, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Coordinator], "flash.reassigned",
            () => string.IsNullOrWhiteSpace(msc) ? text["error.unknownMsc"] : TooLong(note),
            ct => api.ReassignAsync(id, new ReassignRequest(msc!.Trim(), Trim(note)), ct), cancellationToken);

    /// <summary>Checks the role and the input, sends the command, and comes back to the referral (post/redirect/get)
    /// with what happened. 400 and 409 are shown on the referral; everything else goes to the page filter.</summary>
    private async Task<IActionResult> RunAsync(string id, Role[] roles, string doneKey, Func<string?> check,
        Func<CancellationToken, Task<ReferralResponse>> send, CancellationToken cancellationToken)
    {
        if (!roles.Contains(Caller.Role))
        {
            return Forbid();
        }

        var back = $"/referrals/{Uri.EscapeDataString(id)}";
        if (check() is { } problem)
        {
            FlashError = problem;
            return LocalRedirect(back);
        }

        try
        {
            await send(cancellationToken);
            Flash = doneKey;
        }
        catch (ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Conflict
            or System.Net.HttpStatusCode.UnprocessableEntity)
        {
            FlashError = ProblemText.ForAction(ApiFailures.Problem(exception), text);
        }

        return LocalRedirect(back);
    }

    private string? TooLong(string? value) => value is { Length: > MaxText } ? text.Format("error.tooLong", MaxText) : null;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
