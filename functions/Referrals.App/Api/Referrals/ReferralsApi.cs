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
}
