using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.App.Api.Idempotency;
using Referrals.App.Security;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Api.Referrals;

/// <summary>
/// <c>POST /api/referrals</c>. The referral id derives from the scout's organisation and the Idempotency-Key, so a
/// retry targets the same instance and the workflow's insert is the duplicate guard. The same key with the same
/// body answers 201 again (same Location, the referral's current status) with <c>Idempotent-Replayed: true</c>;
/// with a different body 409.
/// </summary>
public static class SubmitReferralEndpoint
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteGroupBuilder MapSubmitEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/", SubmitAsync)
            .RequireAuthorization(ApiPolicies.Scout)
            .RequireRateLimiting(SubmissionRateLimitOptions.PolicyName)
            .Accepts<SubmitReferralRequest>("application/json")
            .WithSummary("Submit a referral")
            .WithDescription("Scouts only. Requires the Idempotency-Key header (8-128 letters, digits, '-', '_', " +
                "'.', ':'), reused on retry: the same key and body answer 201 again, a different body 409.");
        return api;
    }

    internal static async Task<Results<Created<SubmittedReferralResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext context,
        Caller caller,
        [FromHeader(Name = ReferralIds.HeaderName)] string? idempotencyKey,
        [FromServices] IntakeValidator intake,
        [FromServices] IWorkflowClient<ReferralState, ReferralCommand> workflow,
        SubmissionIdempotency idempotency,
        ReferralResponseMapper mapper,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ReferralIds.ValidateKey(idempotencyKey) is { } keyError)
        {
            return ApiProblems.Validation(ReferralIds.HeaderName, keyError);
        }

        var body = await JsonBody.ReadAsync<SubmitReferralRequest>(context.Request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        var organisation = caller.Organisation!;
        var intakeResult = intake.Validate(request, new Referrer(caller.Subject, organisation), BelgradeDate.Today(time));
        if (!intakeResult.IsValid)
        {
            return ApiProblems.Validation(intakeResult.Errors.ToDictionary(StringComparer.Ordinal));
        }

        var id = ReferralIds.FromIdempotencyKey(organisation, idempotencyKey!);
        var claim = await idempotency.ClaimAsync(id, SubmissionIdempotency.HashOf(request), caller.Subject, cancellationToken);
        if (claim == IdempotencyOutcome.DifferentBody)
        {
            return ApiProblems.Conflict(
                $"This {ReferralIds.HeaderName} was already used with a different body. Use a new key for a new referral.");
        }

        var command = new SubmitReferral(id, intakeResult.Details, intakeResult.Msc.Id, new Actor(caller.Subject, caller.Role));
        var result = await workflow.ExecuteAsync(id, command, cancellationToken);
        var state = result.State;
        if (result.Rejection is { } rejection)
        {
            // A retry (or a concurrent duplicate) finds the referral its first request created.
            state = rejection.Kind == RejectionKind.InvalidTransition
                ? await workflow.GetStateAsync(id, cancellationToken)
                : null;
            if (state is null)
            {
                return ReferralCommandRunner.Problem(rejection);
            }

            context.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/api/referrals/{id}", mapper.Submitted(state!));
    }
}
