using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Runtime;

/// <summary>Reads instances straight from storage; depends on nothing that dispatches.</summary>
internal sealed class WorkflowReader<TState>(InstanceStore store) : IWorkflowReader<TState>
    where TState : class
{
    public async Task<WorkflowSnapshot<TState>?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        var partition = await store.LoadAsync<TState>(instanceId, cancellationToken);
        if (partition.State is null)
        {
            return null;
        }

        var events = await store.LoadTimelineAsync(instanceId, partition.Timeline, partition.NextSequence, cancellationToken);
        var timers = partition.Timers.Values.OrderBy(t => t.DueAt).ThenBy(t => t.Kind, StringComparer.Ordinal).ToList();
        var effects = partition.Outbox.Values.Select(item => item.ToPendingEffect()).ToList();
        return new WorkflowSnapshot<TState>(instanceId, partition.State, partition.Version, events, timers, effects);
    }

    public Task<WorkflowTimeline<TState>?> GetTimelineAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        return store.LoadStateAndTimelineAsync<TState>(instanceId, cancellationToken);
    }

    public Task<TState?> GetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId, nameof(instanceId));
        return store.LoadStateAsync<TState>(instanceId, cancellationToken);
    }
}
