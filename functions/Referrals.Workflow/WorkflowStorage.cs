using Azure.Data.Tables;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow;

/// <summary>Creates the workflow's tables when they are missing (idempotent; run at start-up).</summary>
public sealed class WorkflowStorage
{
    private readonly InstanceStore _store;
    private readonly TimerIndex _index;
    private readonly ParkedEffects _parked;

    internal WorkflowStorage(InstanceStore store, TimerIndex index, ParkedEffects parked)
    {
        _store = store;
        _index = index;
        _parked = parked;
    }

    public async Task EnsureStorageAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new TableClient[] { _store.Table, _index.Table, _parked.Table })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
