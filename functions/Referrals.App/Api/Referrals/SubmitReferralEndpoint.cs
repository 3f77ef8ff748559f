using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Api.Idempotency;
using Referrals.App.Referrals;
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

    internal static async Task<Results<Created<SubmittedReferralResponse>, ProblemHttpResult>> SubmitAsync(
        HttpContext context,
        RequestAuthenticator authenticator,
        SubmissionRateLimiter rateLimiter,
        [FromHeader(Name = ReferralIds.HeaderName)] string? idempotencyKey,
        [FromServices] ReferralSubmission submission,
        ReferralResponseMapper mapper,
        CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(context.Request, ApiAccess.Scout, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        // Counted only for scouts who got this far, as the rate-limiter middleware after authorization did.
        if (rateLimiter.TryAcquire(caller.Subject, context.Response) is { } tooMany)
        {
            return tooMany;
        }

        if (ReferralIds.ValidateKey(idempotencyKey) is { } keyError)
        {
            return ApiProblems.Validation(ReferralIds.HeaderName, keyError);
        }

        var body = await JsonBody.ReadAsync<SubmitReferralRequest>(context.Request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        switch (await submission.SubmitAsync(caller, body.Value!, idempotencyKey!, cancellationToken))
        {
            case SubmissionResult.Created created:
                if (created.Replayed)
                {
                    context.Response.Headers[ReplayedHeader] = "true";
                }

                return TypedResults.Created($"/api/referrals/{created.State.Id}", mapper.Submitted(created.State));
            case SubmissionResult.Invalid invalid:
                return ApiProblems.Validation(invalid.Errors.ToDictionary(StringComparer.Ordinal));
            case SubmissionResult.KeyReused:
                return ApiProblems.Conflict(
                    $"This {ReferralIds.HeaderName} was already used with a different body. Use a new key for a new referral.");
            case SubmissionResult.Refused refused:
                return ReferralCommandRunner.Problem(refused.Rejection);
            default:
                throw new InvalidOperationException("Unknown submission result.");
        }
    }
}
