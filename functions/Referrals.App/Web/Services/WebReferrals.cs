using Referrals.Contracts;
using Referrals.App.Api.Audit;
using Referrals.App.Api.Idempotency;
using Referrals.App.Api.Projections;
using Referrals.App.Referrals;
using Referrals.App.Security;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Web.Services;

/// <summary>
/// What the pages do with referrals, over the same services as the API: the workflow client, the list read model,
/// the audit log and the referral submission. Scope rules are the API's: a referral
/// outside the caller's scope is "not found".
/// </summary>
public sealed class WebReferrals(
    IWorkflowClient<ReferralState, ReferralCommand> workflow,
    ReferralListQuery lists,
    ReferralAuditLog audit,
    ReferralSubmission submission)
{
    /// <summary>One page of the caller's list: an advisor's MSC, a scout's organisation, or (coordinators) all or
    /// one MSC. Null when the continuation token is not one we handed out.</summary>
    public Task<ReferralListPage?> ListAsync(Caller caller, ReferralStatus? status, bool overdueOnly, string? msc,
        string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (partition, mscFilter) = ProjectionPartitions.ForCaller(caller, msc);
        return lists.ReadAsync(partition, status, overdueOnly, mscFilter, continuationToken, pageSize, cancellationToken);
    }

    /// <summary>The referral with its timeline, if the caller may see it; the read goes into its audit trail.</summary>
    public async Task<WorkflowSnapshot<ReferralState>?> OpenAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!ReferralIds.IsWellFormed(id) || await workflow.GetAsync(id, cancellationToken) is not { } snapshot
            || !IsVisible(snapshot.State, caller))
        {
            return null;
        }

        await audit.RecordReadAsync(id, caller, AuditActions.ReadReferral, cancellationToken);
        return snapshot;
    }

    /// <summary>Runs one person's command on a referral they may see.</summary>
    public async Task<CommandOutcome> ExecuteAsync(string id, Caller caller, ReferralCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!ReferralIds.IsWellFormed(id) || await workflow.GetStateAsync(id, cancellationToken) is not { } state
            || !IsVisible(state, caller))
        {
            return CommandOutcome.NotFound;
        }

        var result = await workflow.ExecuteAsync(id, command, cancellationToken);
        return result.Rejection is { } rejection
            ? rejection.Kind == RejectionKind.NotFound ? CommandOutcome.NotFound : CommandOutcome.Rejected(rejection.Reason)
            : CommandOutcome.Applied;
    }

    /// <summary>
    /// Validates and submits a referral for a scout. The id derives from the organisation and
    /// <paramref name="idempotencyKey"/> (the form carries one per form), so a form sent twice creates one referral;
    /// the same key with different values is refused, as in the API.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(Caller caller, SubmitReferralRequest request, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (ReferralIds.ValidateKey(idempotencyKey) is { } keyProblem)
        {
            return SubmitOutcome.Invalid(new Dictionary<string, string[]> { ["idempotencyKey"] = [keyProblem] });
        }

        return await submission.SubmitAsync(caller, request, idempotencyKey, cancellationToken) switch
        {
            SubmissionResult.Created created => SubmitOutcome.Submitted(created.State.Id),
            SubmissionResult.Invalid invalid => SubmitOutcome.Invalid(invalid.Errors),
            SubmissionResult.KeyReused => SubmitOutcome.AlreadyUsed,
            SubmissionResult.Refused refused => SubmitOutcome.Refused(refused.Rejection.Reason),
            _ => throw new InvalidOperationException("Unknown submission result."),
        };
    }

    private static bool IsVisible(ReferralState state, Caller caller) =>
        caller.CanSee(state.Details.Referrer.Organisation, state.MscId);
}

/// <summary>How a command went: applied, not visible or not existing, or refused by the workflow with a reason.</summary>
public sealed record CommandOutcome(bool IsApplied, bool IsNotFound, string? Reason)
{
    public static CommandOutcome Applied { get; } = new(true, false, null);

    public static CommandOutcome NotFound { get; } = new(false, true, null);

    public static CommandOutcome Rejected(string reason) => new(false, false, reason);
}

/// <summary>How a submission went: the new referral's id, field errors keyed by JSON path, or a refusal.</summary>
public sealed record SubmitOutcome(string? ReferralId, IReadOnlyDictionary<string, string[]> Errors, string? Reason,
    bool KeyAlreadyUsed)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static SubmitOutcome AlreadyUsed { get; } = new(null, NoErrors, null, true);

    public static SubmitOutcome Submitted(string id) => new(id, NoErrors, null, false);

    public static SubmitOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors, null, false);

    public static SubmitOutcome Refused(string reason) => new(null, NoErrors, reason, false);
}
