using Azure.Data.Tables;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow;

/// <summary>Creates the runtime's tables and queues when they are missing (idempotent; run at start-up).</summary>
public sealed class WorkflowStorage
{
    private readonly InstanceStore _store;
    private readonly TimerIndex _index;
    private readonly ParkedEffects _parked;
    private readonly DispatchQueue _queue;

    internal WorkflowStorage(InstanceStore store, TimerIndex index, ParkedEffects parked, DispatchQueue queue)
    {
        _store = store;
        _index = index;
        _parked = parked;
        _queue = queue;
    }

    public async Task EnsureStorageAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new TableClient[] { _store.Table, _index.Table, _parked.Table })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        await _queue.EnsureAsync(cancellationToken);
    }
}
