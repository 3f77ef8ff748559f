using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>Sends commands to instances and reads them.</summary>
internal sealed class WorkflowClient<TState, TCommand>(
    DecisionCommitter committer,
    EffectDispatcher<TState, TCommand> dispatcher,
    IDecider<TState, TCommand> decider,
    WorkflowReader<TState> reader,
    TimeProvider time) : IWorkflowClient<TState, TCommand>
    where TState : class
{
    public async Task<CommandResult<TState>> ExecuteAsync(string instanceId, TCommand command, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await committer.RunAsync<TState>(instanceId, FirstRead.AssumeNew, partition =>
        {
            var now = time.GetUtcNow();
            var decision = decider.Decide(partition.State, command, now);
            if (decision.Rejection is { } rejection)
            {
                return rejection;
            }

            partition.Apply(decision, now);
            return null;
        }, cancellationToken);

        // Read before the background dispatch may decide follow-ups on the same partition.
        var result = new CommandResult<TState>(outcome.Partition.State, outcome.Partition.Version, outcome.Rejection);
        if (outcome.Ticket is { } ticket)
        {
            dispatcher.StartAfterCommit(outcome.Partition, ticket);
        }

        return result;
    }

    public Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetAsync(instanceId, cancellationToken);

    public Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken) =>
        reader.GetStateAsync(instanceId, cancellationToken);
}
