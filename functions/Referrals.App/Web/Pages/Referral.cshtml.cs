using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Messaging.Rendering;
using Referrals.Workflow;

namespace Referrals.App.Web.Pages;

/// <summary>
/// One referral, where emailed links land (<c>/referrals/{id}</c>). Opening it only reads (and records the read in
/// the audit trail); every change is a POST with an antiforgery token, so a mail scanner following the link never
/// acknowledges anything. Actions shown depend on the role and the status; the workflow has the last word.
/// </summary>
[Authorize(Policy = WebAuth.AnyRole)]
public sealed class ReferralModel(UiClock clock, UiText text, WebReferrals referrals, IntakeValidator intake,
    MscDirectory mscs, MunicipalityDirectory municipalities, IChecklistProvider checklists) : WebPage(clock)
{
    private const int MaxText = 2000;

    public WorkflowSnapshot<ReferralState>? Snapshot { get; private set; }

    public ReferralState State => Snapshot!.State;

    public IReadOnlyList<MigrationServiceCentre> Mscs => mscs.All;

    public string MscName(string? id) => id is null ? text["list.routingQueue"] : mscs.Find(id)?.Name ?? id;

    public string MunicipalityName => municipalities.ByCode(State.Details.MunicipalityCode) is { } m
        ? $"{m.NameLatin} ({m.NameCyrillic})"
        : State.Details.MunicipalityCode;

    public string ArrivalPointName =>
        Domain.Intake.ArrivalPoints.TryFind(State.Details.ArrivalPoint, out var point) ? point.Name : State.Details.ArrivalPoint;

    public Checklist Checklist => checklists.Get(UiText.CurrentLanguage);

    public DateOnly Today => Clock.Today(Zone);

    /// <summary>The next follow-up to record (1 to 3), or null when all are recorded.</summary>
    public int? NextFollowUp => State.FollowUps.Count < 3 ? State.FollowUps.Count + 1 : null;

    public bool IsRole(Role role) => Caller.Role == role;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Snapshot = await referrals.OpenAsync(id, Caller, cancellationToken);
        if (Snapshot is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(string id, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.acknowledged", () => TooLong(note),
            actor => new AcknowledgeReferral(Trim(note), actor), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string id, RejectionReason? reason, string? note, string? suggestedMsc,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.rejected",
            () => reason is null ? text["error.reasonRequired"]
                : !string.IsNullOrWhiteSpace(suggestedMsc) && mscs.Find(suggestedMsc) is null ? text["error.unknownMsc"]
                : TooLong(note),
            actor => new RejectReferral(reason!.Value, Trim(note), mscs.Find(suggestedMsc)?.Id, actor), cancellationToken);

    public Task<IActionResult> OnPostArrivalAsync(string id, DateOnly? arrivedOn, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.arrived",
            () => arrivedOn is null ? text["error.dateRequired"] : null,
            actor => new RecordArrival(arrivedOn!.Value, actor), cancellationToken);

    public Task<IActionResult> OnPostFirstContactAsync(string id, DateOnly? on, string? note,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.firstContact",
            () => on is null ? text["error.dateRequired"] : TooLong(note),
            actor => new RecordFirstContact(on!.Value, Trim(note), actor), cancellationToken);

    public Task<IActionResult> OnPostFollowUpAsync(string id, int number, string? outcome, string? note,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor], "flash.followUp",
            () => number is < 1 or > 3 ? text["error.followUpNumber"]
                : string.IsNullOrWhiteSpace(outcome) ? text["error.outcomeRequired"] : TooLong(outcome) ?? TooLong(note),
            actor => new RecordFollowUp(number, outcome!.Trim(), Trim(note), actor), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, string? outcome, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Advisor, Role.Coordinator], "flash.closed",
            () => string.IsNullOrWhiteSpace(outcome) ? text["error.outcomeRequired"] : TooLong(outcome) ?? TooLong(note),
            actor => new CloseReferral(outcome!.Trim(), Trim(note), actor), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string id, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Scout], "flash.withdrawn",
            () => string.IsNullOrWhiteSpace(reason) ? text["error.reasonRequired"] : TooLong(reason),
            actor => new WithdrawReferral(reason!.Trim(), actor), cancellationToken);

    public Task<IActionResult> OnPostChangeDateAsync(string id, DateOnly? expectedReturnDate,
        CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Scout], "flash.dateChanged",
            () => Localize(intake.CheckExpectedReturnDate(expectedReturnDate, Clock.Today(Zone))),
            actor => new ChangeReturnDate(expectedReturnDate!.Value, actor), cancellationToken);

    public async Task<IActionResult> OnPostChangePhoneAsync(string id, string? phone, CancellationToken cancellationToken)
    {
        // The number must take SMS when the returnee agreed to SMS, exactly as at intake.
        var smsConsent = (await referrals.OpenAsync(id, Caller, cancellationToken))?.State.Details.Consent.Sms ?? false;
        string? e164 = null;
        return await RunAsync(id, [Role.Scout], "flash.phoneChanged",
            () => Localize(intake.CheckPhone(phone, smsConsent, out e164)),
            actor => new ChangePhone(e164!, actor), cancellationToken);
    }

    public Task<IActionResult> OnPostReassignAsync(string id, string? msc, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, [Role.Coordinator], "flash.reassigned",
            () => mscs.Find(msc) is null ? text["error.unknownMsc"] : TooLong(note),
            actor => new ReassignReferral(mscs.Find(msc)!.Id, Trim(note), actor), cancellationToken);

    /// <summary>Checks the role and the input, runs the command, and comes back to the referral (post/redirect/get)
    /// with what happened.</summary>
    private async Task<IActionResult> RunAsync(string id, Role[] roles, string doneKey, Func<string?> check,
        Func<Actor, ReferralCommand> build, CancellationToken cancellationToken)
    {
        if (!roles.Contains(Caller.Role))
        {
            return Forbid(WebAuth.CookieScheme);
        }

        if (check() is { } problem)
        {
            FlashError = problem;
            return LocalRedirect($"/referrals/{Uri.EscapeDataString(id)}");
        }

        var outcome = await referrals.ExecuteAsync(id, Caller, build(new Actor(Caller.Subject, Caller.Role)), cancellationToken);
        if (outcome.IsNotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (outcome.IsApplied)
        {
            Flash = doneKey;
        }
        else
        {
            FlashError = outcome.Reason;
        }

        return LocalRedirect($"/referrals/{Uri.EscapeDataString(id)}");
    }

    private string? TooLong(string? value) => value is { Length: > MaxText } ? text.Format("error.tooLong", MaxText) : null;

    private string? Localize(string? error) => error == "Required." ? text["error.required"] : error;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
