using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Api.Referrals;

/// <summary>The command endpoints (<c>POST /api/referrals/{id}/…</c>), each defined once: its access rule, body
/// checks and the command it becomes.</summary>
public static class ReferralCommandEndpoints
{
    public static readonly ReferralCommandEndpoint<AcknowledgeRequest> Acknowledge = new(
        "/{id}/acknowledge", ApiAccess.Advisor, "Acknowledge a referral",
        (body, actor, _, _) => [new AcknowledgeReferral(body.Note, actor)],
        (body, checks) => checks.OptionalText("note", body.Note));

    public static readonly ReferralCommandEndpoint<RejectRequest> Reject = new(
        "/{id}/reject", ApiAccess.Advisor, "Reject a referral",
        (body, actor, mscs, _) => [new RejectReferral(body.Reason!.Value, body.Note?.Trim(), CanonicalMsc(mscs, body.SuggestedMsc), actor)],
        (body, checks) =>
        {
            checks.Required("reason", body.Reason);
            checks.OptionalText("note", body.Note);
        },
        (body, mscs, checks) => CheckMsc(mscs, checks, "suggestedMsc", body.SuggestedMsc));

    public static readonly ReferralCommandEndpoint<ReassignRequest> Reassign = new(
        "/{id}/reassign", ApiAccess.Coordinator, "Reassign a referral to another MSC",
        (body, actor, mscs, _) => [new ReassignReferral(CanonicalMsc(mscs, body.Msc)!, body.Note?.Trim(), actor)],
        (body, checks) =>
        {
            checks.RequiredText("msc", body.Msc);
            checks.OptionalText("note", body.Note);
        },
        (body, mscs, checks) => CheckMsc(mscs, checks, "msc", body.Msc));

    public static readonly ReferralCommandEndpoint<WithdrawRequest> Withdraw = new(
        "/{id}/withdraw", ApiAccess.Scout, "Withdraw a referral",
        (body, actor, _, _) => [new WithdrawReferral(body.Reason!.Trim(), actor)],
        (body, checks) => checks.RequiredText("reason", body.Reason, ReferralRequestChecks.MaxNoteLength));

    public static readonly ReferralCommandEndpoint<ArrivalRequest> Arrival = new(
        "/{id}/arrival", ApiAccess.Advisor, "Record the returnee's arrival",
        (body, actor, _, _) => [new RecordArrival(body.ArrivedOn!.Value, actor)],
        (body, checks) => checks.Required("arrivedOn", body.ArrivedOn));

    public static readonly ReferralCommandEndpoint<FirstContactRequest> FirstContact = new(
        "/{id}/first-contact", ApiAccess.Advisor, "Record the first contact",
        (body, actor, _, _) => [new RecordFirstContact(body.On!.Value, body.Note?.Trim(), actor)],
        (body, checks) =>
        {
            checks.Required("on", body.On);
            checks.OptionalText("note", body.Note);
        });

    public static readonly ReferralCommandEndpoint<OutcomeRequest> FollowUp = new(
        "/{id}/follow-ups/{n:int}", ApiAccess.Advisor, "Record a follow-up (n = 1, 2, 3)",
        (body, actor, _, n) => [new RecordFollowUp(n, body.Outcome!.Trim(), body.Note?.Trim(), actor)],
        (body, checks) =>
        {
            checks.RequiredText("outcome", body.Outcome);
            checks.OptionalText("note", body.Note);
        },
        ValidateNumber: n => n is >= 1 and <= 3 ? null : ("n", "Follow-ups are numbered 1 to 3."));

    public static readonly ReferralCommandEndpoint<OutcomeRequest> Close = new(
        "/{id}/close", ApiAccess.AdvisorOrCoordinator, "Close a referral",
        (body, actor, _, _) => [new CloseReferral(body.Outcome!.Trim(), body.Note?.Trim(), actor)],
        (body, checks) =>
        {
            checks.RequiredText("outcome", body.Outcome);
            checks.OptionalText("note", body.Note);
        });

    public static IReadOnlyList<IReferralCommandEndpoint> All { get; } =
        [Acknowledge, Reject, Reassign, Withdraw, Arrival, FirstContact, FollowUp, Close];

    private static void CheckMsc(MscDirectory mscs, ReferralRequestChecks checks, string path, string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && mscs.Find(id) is null)
        {
            checks.Add(path, "Not a known MSC id (see GET /api/mscs).");
        }
    }

    /// <summary>The directory's spelling of an MSC id the checks already found (lookups ignore case).</summary>
    private static string? CanonicalMsc(MscDirectory mscs, string? id) => id is null ? null : mscs.Find(id)?.Id ?? id;
}

/// <summary>A command endpoint, for mapping without knowing its body type.</summary>
public interface IReferralCommandEndpoint
{
    void Map(RouteGroupBuilder api);
}

/// <summary>One command endpoint: read the body, check fields (and the route's number), check references against
/// the directory, build the command(s) and run them.</summary>
/// <param name="Build">From the body, the actor, the directory and the route's number (0 when it has none).</param>
public sealed record ReferralCommandEndpoint<TBody>(
    string Pattern,
    IReadOnlySet<Role> Access,
    string Summary,
    Func<TBody, Actor, MscDirectory, int, IReadOnlyList<ReferralCommand>> Build,
    Action<TBody, ReferralRequestChecks> Check,
    Action<TBody, MscDirectory, ReferralRequestChecks>? CheckReferences = null,
    Func<int, (string Key, string Message)?>? ValidateNumber = null) : IReferralCommandEndpoint
    where TBody : class
{
    public void Map(RouteGroupBuilder api) =>
        api.MapPost(Pattern, (string id, HttpContext context, RequestAuthenticator authenticator,
                    ReferralCommandRunner runner, [Microsoft.AspNetCore.Mvc.FromServices] MscDirectory mscs,
                    CancellationToken cancellationToken) =>
                HandleAsync(id, RouteNumber(context), context.Request, authenticator, runner, mscs, cancellationToken))
            .Accepts<TBody>("application/json")
            .WithSummary(Summary)
            .WithDescription("Answers 200 with the referral as GET shows it; 409 when the command does not fit the " +
                "referral's status (the problem says why); 404 when the referral is not visible to the caller.");

    public async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> HandleAsync(
        string id, int number, HttpRequest request, RequestAuthenticator authenticator, ReferralCommandRunner runner,
        MscDirectory mscs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(runner);
        if (!(await authenticator.RequireAsync(request, Access, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        if (ValidateNumber?.Invoke(number) is { } routeError)
        {
            return ApiProblems.Validation(routeError.Key, routeError.Message);
        }

        var body = await JsonBody.ReadAsync<TBody>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var checks = new ReferralRequestChecks();
        Check(body.Value!, checks);
        CheckReferences?.Invoke(body.Value!, mscs, checks);
        if (checks.Failed)
        {
            return ApiProblems.Validation(checks.Errors);
        }

        var commands = Build(body.Value!, new Actor(caller.Subject, caller.Role), mscs, number);
        return await runner.ExecuteAsync(id, caller, commands, cancellationToken);
    }

    private static int RouteNumber(HttpContext context) =>
        context.GetRouteValue("n") is string n && int.TryParse(n, out var number) ? number : 0;
}
