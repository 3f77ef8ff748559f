using Referrals.Contracts;
using Referrals.App.Api.Idempotency;
using Referrals.App.Api.Referrals;
using Referrals.App.Security;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Referrals;

/// <summary>
/// Submitting a referral, the one way both the API and the pages do it: intake validation (Belgrade's today), the
/// id derived from the scout's organisation and the idempotency key, the workflow's insert as the duplicate guard,
/// and the request fingerprint kept in the referral that tells a retry from a reused key.
/// </summary>
public sealed class ReferralSubmission(
    IntakeValidator intake,
    IWorkflowClient<ReferralState, ReferralCommand> workflow,
    ReferralIdGenerator ids,
    TimeProvider time)
{
    public async Task<SubmissionResult> SubmitAsync(Caller caller, SubmitReferralRequest request, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role != Role.Scout || caller.Organisation is not { } organisation)
        {
            throw new InvalidOperationException("Only a scout with an organisation submits referrals.");
        }

        var checkedRequest = intake.Validate(request, new Referrer(caller.Subject, organisation), BelgradeDate.Today(time));
        if (!checkedRequest.IsValid)
        {
            return new SubmissionResult.Invalid(checkedRequest.Errors);
        }

        var id = ids.FromIdempotencyKey(organisation, idempotencyKey);
        var fingerprint = RequestFingerprint.Of(request);
        var command = new SubmitReferral(id, checkedRequest.Details, checkedRequest.Msc.Id, new Actor(caller.Subject, caller.Role),
            fingerprint);
        var result = await workflow.ExecuteAsync(id, command, cancellationToken);
        if (result.Rejection is not { } rejection)
        {
            return new SubmissionResult.Created(result.State!, Replayed: false);
        }

        // A retry (or a concurrent duplicate) finds the referral its first request created; another body under the
        // same key finds a referral with another fingerprint.
        var existing = rejection.Kind == RejectionKind.InvalidTransition
            ? await workflow.GetStateAsync(id, cancellationToken)
            : null;
        return existing switch
        {
            null => new SubmissionResult.Refused(rejection),
            _ when !string.Equals(existing.RequestFingerprint, fingerprint, StringComparison.Ordinal) => new SubmissionResult.KeyReused(),
            _ => new SubmissionResult.Created(existing, Replayed: true),
        };
    }
}

/// <summary>How a submission went.</summary>
public abstract record SubmissionResult
{
    private SubmissionResult()
    {
    }

    /// <summary>The referral exists: created now, or by an earlier request with the same key and body.</summary>
    public sealed record Created(ReferralState State, bool Replayed) : SubmissionResult;

    /// <summary>Field errors keyed by JSON path.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SubmissionResult;

    /// <summary>The idempotency key was already used with a different body.</summary>
    public sealed record KeyReused : SubmissionResult;

    public sealed record Refused(Rejection Rejection) : SubmissionResult;
}
