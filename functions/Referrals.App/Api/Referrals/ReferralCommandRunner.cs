using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.App.Api.Idempotency;
using Referrals.App.Security;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

using Referrals.Contracts;

namespace Referrals.App.Api.Referrals;

/// <summary>
/// Runs people's commands against a referral they may see: a referral outside the caller's scope is 404 exactly
/// like one that does not exist; a command that does not fit the status is 409 with the decider's reason; success
/// answers with the referral as GET shows it.
/// </summary>
public sealed class ReferralCommandRunner(
    IWorkflowClient<ReferralState, ReferralCommand> workflow,
    ReferralResponseMapper mapper,
    TimeProvider time)
{
    /// <summary>The referral with its timeline if it exists and <paramref name="caller"/> may see it.</summary>
    public async Task<WorkflowTimeline<ReferralState>?> FindVisibleAsync(string id, Caller caller,
        CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsWellFormed(id))
        {
            return null;
        }

        // Point reads only: GET's latency target leaves no room for a partition query (a scan on Azurite).
        var snapshot = await workflow.GetTimelineAsync(id, cancellationToken);
        return snapshot is not null && IsVisible(snapshot.State, caller) ? snapshot : null;
    }

    /// <summary>Executes <paramref name="commands"/> in order (PATCH may carry several changes); stops at the first
    /// rejection. The scope is checked once, before the first command.</summary>
    public async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> ExecuteAsync(string id, Caller caller,
        IReadOnlyList<ReferralCommand> commands, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsWellFormed(id) || await workflow.GetStateAsync(id, cancellationToken) is not { } state
            || !IsVisible(state, caller))
        {
            return ApiProblems.NotFound();
        }

        foreach (var command in commands)
        {
            var result = await workflow.ExecuteAsync(id, command, cancellationToken);
            if (result.Rejection is { } rejection)
            {
                return Problem(rejection);
            }
        }

        var snapshot = await workflow.GetTimelineAsync(id, cancellationToken);
        return snapshot is null
            ? ApiProblems.NotFound()
            : TypedResults.Ok(mapper.Full(snapshot, caller, time.GetUtcNow()));
    }

    public static ProblemHttpResult Problem(Rejection rejection) => rejection.Kind switch
    {
        RejectionKind.NotFound => ApiProblems.NotFound(),
        RejectionKind.InvalidTransition => ApiProblems.Conflict(rejection.Reason),
        _ => ApiProblems.UnprocessableEntity(rejection.Reason),
    };

    private static bool IsVisible(ReferralState state, Caller caller) =>
        caller.CanSee(state.Details.Referrer.Organisation, state.MscId);
}
