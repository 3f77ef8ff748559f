using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Api.Audit;
using Referrals.App.Api.Projections;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Api.Referrals;

/// <summary>The referral endpoints of API.md. Bodies are read by <see cref="JsonBody"/> for precise 4xx errors;
/// <c>Accepts</c> declares them for OpenAPI.</summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/referrals").WithTags("Referrals");

        api.MapSubmitEndpoint();

        api.MapGet("/", ListAsync).WithMetadata(new IntegerQuery.Parameters("pageSize"))
            .WithSummary("List referrals")
            .WithDescription("A page of summaries in the caller's scope, newest first, each with its next deadline, " +
                "municipality name, submission and acknowledgement times. Scouts also get the returnee's name " +
                "(their own organisation's referrals); everyone else gets returnee null. Filters: status, " +
                "overdue=true, msc. Pass continuationToken from the previous page for the next.");

        api.MapGet("/{id}", GetAsync)
            .WithSummary("Get a referral")
            .WithDescription("The submitted fields the caller may see, with status, MSC, timeline, deadlines and " +
                "messages. Every read is recorded in the referral's audit trail.");

        api.MapGet("/{id}/audit", AuditAsync)
            .WithSummary("Get a referral's audit trail")
            .WithDescription("Every read and change of the referral by a person, oldest first.");

        Command<AcknowledgeRequest>(api, "/{id}/acknowledge", ApiAccess.Advisor, "Acknowledge a referral",
            (body, actor, _) => [new AcknowledgeReferral(body.Note, actor)],
            (body, checks) => checks.OptionalText("note", body.Note));

        Command<RejectRequest>(api, "/{id}/reject", ApiAccess.Advisor, "Reject a referral",
            (body, actor, context) => [new RejectReferral(body.Reason!.Value, body.Note?.Trim(), CanonicalMsc(context, body.SuggestedMsc), actor)],
            (body, checks) =>
            {
                checks.Required("reason", body.Reason);
                checks.OptionalText("note", body.Note);
            },
            (body, mscs, checks) => CheckMsc(mscs, checks, "suggestedMsc", body.SuggestedMsc));

        Command<ReassignRequest>(api, "/{id}/reassign", ApiAccess.Coordinator, "Reassign a referral to another MSC",
            (body, actor, context) => [new ReassignReferral(CanonicalMsc(context, body.Msc)!, body.Note?.Trim(), actor)],
            (body, checks) =>
            {
                checks.RequiredText("msc", body.Msc);
                checks.OptionalText("note", body.Note);
            },
            (body, mscs, checks) => CheckMsc(mscs, checks, "msc", body.Msc));

        Command<WithdrawRequest>(api, "/{id}/withdraw", ApiAccess.Scout, "Withdraw a referral",
            (body, actor, _) => [new WithdrawReferral(body.Reason!.Trim(), actor)],
            (body, checks) => checks.RequiredText("reason", body.Reason, ReferralRequestChecks.MaxNoteLength));

        Command<ArrivalRequest>(api, "/{id}/arrival", ApiAccess.Advisor, "Record the returnee's arrival",
            (body, actor, _) => [new RecordArrival(body.ArrivedOn!.Value, actor)],
            (body, checks) => checks.Required("arrivedOn", body.ArrivedOn));

        Command<FirstContactRequest>(api, "/{id}/first-contact", ApiAccess.Advisor, "Record the first contact",
            (body, actor, _) => [new RecordFirstContact(body.On!.Value, body.Note?.Trim(), actor)],
            (body, checks) =>
            {
                checks.Required("on", body.On);
                checks.OptionalText("note", body.Note);
            });

        Command<OutcomeRequest>(api, "/{id}/follow-ups/{n:int}", ApiAccess.Advisor, "Record a follow-up (n = 1, 2, 3)",
            (body, actor, context) => [new RecordFollowUp(FollowUpNumber(context), body.Outcome!.Trim(), body.Note?.Trim(), actor)],
            (body, checks) =>
            {
                checks.RequiredText("outcome", body.Outcome);
                checks.OptionalText("note", body.Note);
            },
            validateRoute: context => FollowUpNumber(context) is >= 1 and <= 3 ? null : ("n", "Follow-ups are numbered 1 to 3."));

        Command<OutcomeRequest>(api, "/{id}/close", ApiAccess.AdvisorOrCoordinator, "Close a referral",
            (body, actor, _) => [new CloseReferral(body.Outcome!.Trim(), body.Note?.Trim(), actor)],
            (body, checks) =>
            {
                checks.RequiredText("outcome", body.Outcome);
                checks.OptionalText("note", body.Note);
            });

        api.MapPatchEndpoint();
        return app;
    }

    internal static async Task<Results<Ok<ReferralListResponse>, ProblemHttpResult>> ListAsync(
        HttpRequest request, RequestAuthenticator authenticator, ReferralListQuery query, ReferralResponseMapper mapper,
        [FromServices] MunicipalityDirectory municipalities, [FromQuery] string? status, [FromQuery] string? overdue, [FromQuery] string? msc,
        [FromQuery] string? continuationToken, [FromQuery(Name = "pageSize")] string? pageSizeText,
        CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        if (!IntegerQuery.TryParse("pageSize", pageSizeText, out var pageSize, out var badPageSize))
        {
            return badPageSize;
        }

        var checks = new ReferralRequestChecks();
        ReferralStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.GetValues<ReferralStatus>().FirstOrDefault(s => ProjectionColumns.Camel(s) == status) is var parsed
                && ProjectionColumns.Camel(parsed) == status)
            {
                statusFilter = parsed;
            }
            else
            {
                checks.Add("status", "Expected one of: " +
                    string.Join(", ", Enum.GetValues<ReferralStatus>().Select(ProjectionColumns.Camel)) + ".");
            }
        }

        if (overdue is not null and not "true" and not "false")
        {
            checks.Add("overdue", "Expected true or false.");
        }

        if (pageSize is < 1 or > ReferralListQuery.MaxPageSize)
        {
            checks.Add("pageSize", $"Expected 1 to {ReferralListQuery.MaxPageSize}.");
        }

        if (checks.Failed)
        {
            return ApiProblems.Validation(checks.Errors);
        }

        if (caller.Role == Role.Advisor && msc is not null && msc != caller.Msc)
        {
            return ApiProblems.Forbidden("Advisors list only their own MSC's referrals.");
        }

        var (partition, mscFilter) = ProjectionPartitions.ForCaller(caller, msc);
        // Only a scout's list (their organisation's partition, the only one holding names) shows the returnee.
        var page = await query.ReadAsync(partition, statusFilter, overdue == "true", mscFilter, continuationToken,
            pageSize ?? ReferralListQuery.DefaultPageSize, cancellationToken, withNames: caller.Role == Role.Scout);
        if (page is null)
        {
            return ApiProblems.Validation("continuationToken", "Not a continuation token from this API; start over without it.");
        }

        return TypedResults.Ok(new ReferralListResponse(
            [.. page.Items.Select(i => new ReferralSummaryResponse(i.Id, i.Status, mapper.Msc(i.MscId), i.Priority,
                i.Municipality, i.ExpectedReturnDate,
                i.NextDeadline is { } d ? new NextDeadlineResponse(d.Kind, d.DueAt, d.State) : null,
                municipalities.ByCode(i.Municipality)?.NameLatin, i.SubmittedAt, i.AcknowledgeBy, i.AcknowledgedAt,
                caller.Role == Role.Scout && i.Returnee is { } name
                    ? new ReturneeNameResponse(name.GivenName, name.FamilyName)
                    : null))],
            page.ContinuationToken));
    }

    internal static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, RequestAuthenticator authenticator, ReferralCommandRunner runner,
        ReferralAuditLog audit, ReferralResponseMapper mapper, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        if (await runner.FindVisibleAsync(id, caller, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound();
        }

        await audit.RecordReadAsync(id, caller, AuditActions.ReadReferral, cancellationToken);
        return TypedResults.Ok(mapper.Full(snapshot, caller, time.GetUtcNow()));
    }

    internal static async Task<Results<Ok<AuditTrailResponse>, ProblemHttpResult>> AuditAsync(
        string id, HttpRequest request, RequestAuthenticator authenticator, ReferralCommandRunner runner,
        ReferralAuditLog audit, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.Coordinator, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        if (await runner.FindVisibleAsync(id, caller, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound();
        }

        await audit.RecordReadAsync(id, caller, AuditActions.ReadAuditTrail, cancellationToken);
        var reads = await audit.ReadsAsync(id, cancellationToken);
        // Changes by people (not "system" or "returnee") come from the timeline, which records the actor.
        var changes = snapshot.Events
            .Where(e => e.Actor is not Actor.System and not Actor.Returnee)
            .Select(e => new AuditEntry(e.At, e.Actor, null, e.Type, AuditEntryKind.Change));
        var items = reads.Concat(changes)
            .OrderBy(e => e.At)
            .Select(e => new AuditTrailEntryResponse(e.At, e.Actor, e.Role, e.Action, ProjectionColumns.Camel(e.Kind)))
            .ToList();
        return TypedResults.Ok(new AuditTrailResponse(id, items));
    }

    /// <summary>Maps one command endpoint: read the body, check fields (and route values), check references
    /// against the directory, build the command(s) and run them.</summary>
    private static void Command<TBody>(
        RouteGroupBuilder api,
        string pattern,
        IReadOnlySet<Role> access,
        string summary,
        Func<TBody, Actor, HttpContext, IReadOnlyList<ReferralCommand>> build,
        Action<TBody, ReferralRequestChecks> check,
        Action<TBody, MscDirectory, ReferralRequestChecks>? checkReferences = null,
        Func<HttpContext, (string Key, string Message)?>? validateRoute = null)
        where TBody : class
    {
        api.MapPost(pattern, async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> (
                string id, HttpContext context, RequestAuthenticator authenticator, ReferralCommandRunner runner,
                [FromServices] MscDirectory mscs, CancellationToken cancellationToken) =>
            {
                if (!(await authenticator.RequireAsync(context.Request, access, cancellationToken)).IsAllowed(out var caller, out var denied))
                {
                    return denied;
                }

                if (validateRoute?.Invoke(context) is { } routeError)
                {
                    return ApiProblems.Validation(routeError.Key, routeError.Message);
                }

                var body = await JsonBody.ReadAsync<TBody>(context.Request, cancellationToken);
                if (body.Problem is { } problem)
                {
                    return problem;
                }

                var checks = new ReferralRequestChecks();
                check(body.Value!, checks);
                checkReferences?.Invoke(body.Value!, mscs, checks);
                if (checks.Failed)
                {
                    return ApiProblems.Validation(checks.Errors);
                }

                var commands = build(body.Value!, new Actor(caller.Subject, caller.Role), context);
                return await runner.ExecuteAsync(id, caller, commands, cancellationToken);
            })
            .Accepts<TBody>("application/json")
            .WithSummary(summary)
            .WithDescription("Answers 200 with the referral as GET shows it; 409 when the command does not fit the " +
                "referral's status (the problem says why); 404 when the referral is not visible to the caller.");
    }

    private static void CheckMsc(MscDirectory mscs, ReferralRequestChecks checks, string path, string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && mscs.Find(id) is null)
        {
            checks.Add(path, "Not a known MSC id (see GET /api/mscs).");
        }
    }

    /// <summary>The directory's spelling of an MSC id the checks already found (lookups ignore case).</summary>
    private static string? CanonicalMsc(HttpContext context, string? id) =>
        id is null ? null : context.RequestServices.GetRequiredService<MscDirectory>().Find(id)?.Id ?? id;

    private static int FollowUpNumber(HttpContext context) =>
        context.GetRouteValue("n") is string n && int.TryParse(n, out var number) ? number : 0;
}
