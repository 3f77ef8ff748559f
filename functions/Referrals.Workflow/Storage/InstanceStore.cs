using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow.Storage;

/// <summary>Reads and writes instance partitions in the workflow table.</summary>
internal sealed class InstanceStore(TableServiceClient tables, TimerIndex timerIndex, IOptions<WorkflowOptions> options,
    IPayloadProtector protector)
{
    private readonly TableClient _table = tables.GetTableClient(options.Value.TableName);

    public TableClient Table => _table;

    public IPayloadProtector ProtectorForPartitions => protector;

    /// <summary>One range query: outbox rows, the state row and timer rows (timeline pages sort before and are skipped).</summary>
    public async Task<InstancePartition<TState>> LoadAsync<TState>(string instanceId, CancellationToken cancellationToken)
        where TState : class
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {RowKeys.LoadFrom}");
        var entities = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entities.Add(entity);
        }

        return InstancePartition<TState>.Load(instanceId, entities, protector);
    }

    /// <summary>The state row and one effect's row, by point reads: all performing an effect needs.</summary>
    public Task<InstancePartition<TState>> LoadForEffectAsync<TState>(string instanceId, string effectId,
        CancellationToken cancellationToken)
        where TState : class =>
        LoadPartAsync<TState>(instanceId, RowKeys.Outbox(effectId), cancellationToken);

    /// <summary>Two point reads in parallel, the state row and the row <paramref name="key"/> (a key within the
    /// partition), much cheaper than the partition query where a query scans (Azurite scans the whole table). The
    /// partition is incomplete: it knows only those rows.</summary>
    public async Task<InstancePartition<TState>> LoadPartAsync<TState>(string instanceId, string key,
        CancellationToken cancellationToken)
        where TState : class
    {
        var state = _table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Stored(instanceId, RowKeys.State),
            cancellationToken: cancellationToken);
        var other = _table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Stored(instanceId, key),
            cancellationToken: cancellationToken);
        var rows = new List<TableEntity>(2);
        foreach (var response in await Task.WhenAll(state, other))
        {
            if (response.HasValue && response.Value is { } entity)
            {
                rows.Add(entity);
            }
        }

        return InstancePartition<TState>.Load(instanceId, rows, protector, isComplete: false);
    }

    /// <summary>The timeline up to the state row that was read, by parallel point reads of its pages (pages sort
    /// before the outbox, so the partition query never reads them).</summary>
    public Task<IReadOnlyList<RecordedEvent>> LoadTimelineAsync(string instanceId, TimelineCursor timeline,
        long nextSequence, CancellationToken cancellationToken) =>
        LoadTimelineAsync(instanceId, timeline, nextSequence, firstPage: null, cancellationToken);

    /// <summary>The state and its timeline by point reads only: no query, which Azurite would answer by scanning the
    /// whole table. The first page is read alongside the state row, so a normal instance costs two reads in one round
    /// trip. Null when the instance does not exist.</summary>
    public async Task<WorkflowTimeline<TState>?> LoadStateAndTimelineAsync<TState>(string instanceId,
        CancellationToken cancellationToken)
        where TState : class
    {
        var stateRead = _table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Stored(instanceId, RowKeys.State),
            cancellationToken: cancellationToken);
        var firstPageRead = ReadPageAsync(instanceId, 0, cancellationToken);
        await Task.WhenAll(stateRead, firstPageRead);
        var response = await stateRead;
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var row = PartitionEntities.ReadState(response.Value);
        var state = InstancePartition<TState>.ReadState(instanceId, row.StoredState, protector);
        var events = await LoadTimelineAsync(instanceId, row.Timeline, row.NextSequence, firstPageRead, cancellationToken);
        if (events.Count < row.NextSequence - 1)
        {
            // Page 0 was read alongside the state row and predates it (a commit landed between the two reads); read
            // after the state row, every page holds at least the events the state row counts.
            events = await LoadTimelineAsync(instanceId, row.Timeline, row.NextSequence, firstPage: null, cancellationToken);
        }

        return new WorkflowTimeline<TState>(instanceId, state, row.Version, events);
    }

    private async Task<IReadOnlyList<RecordedEvent>> LoadTimelineAsync(string instanceId, TimelineCursor timeline,
        long nextSequence, Task<NullableResponse<TableEntity>>? firstPage, CancellationToken cancellationToken)
    {
        var reads = Enumerable.Range(0, timeline.PageCount)
            .Select(page => page == 0 && firstPage is not null ? firstPage : ReadPageAsync(instanceId, page, cancellationToken))
            .ToList();
        var pages = new List<TableEntity>(reads.Count);
        foreach (var response in await Task.WhenAll(reads))
        {
            // Pages are never deleted, so one the state row counts must be there.
            pages.Add(response.HasValue && response.Value is { } page
                ? page
                : throw new WorkflowStateUnreadableException(instanceId, $"timeline page {pages.Count} is missing.", null));
        }

        return TimelinePages.Read(instanceId, pages, nextSequence, protector);
    }

    private Task<NullableResponse<TableEntity>> ReadPageAsync(string instanceId, int page, CancellationToken cancellationToken) =>
        _table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Stored(instanceId, RowKeys.TimelinePage(page)),
            cancellationToken: cancellationToken);

    public async Task<TState?> LoadStateAsync<TState>(string instanceId, CancellationToken cancellationToken)
        where TState : class
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Stored(instanceId, RowKeys.State),
            cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        return InstancePartition<TState>.ReadState(instanceId, PartitionEntities.ReadState(response.Value).StoredState, protector);
    }

    /// <summary>Writes the index rows of the timers the partition's pending changes set. They go first: a timer
    /// must never be committed without its index row, while an index row without its commit is skipped as stale.</summary>
    public Task IndexTimersAsync<TState>(InstancePartition<TState> partition, CancellationToken cancellationToken)
        where TState : class
    {
        var timers = partition.TakeTimersToIndex();
        return timers.Count switch
        {
            0 => Task.CompletedTask,
            1 => timerIndex.UpsertAsync(partition.InstanceId, timers[0], cancellationToken),
            _ => Task.WhenAll(timers.Select(timer => timerIndex.UpsertAsync(partition.InstanceId, timer, cancellationToken))),
        };
    }

    /// <summary>Commits the partition's pending changes as one transaction, after indexing the timers it sets (unless
    /// the caller already did). Returns false on a concurrent write (ETag mismatch, row already added or already
    /// gone): the caller reloads and decides again.</summary>
    public async Task<bool> TryCommitAsync<TState>(InstancePartition<TState> partition, CancellationToken cancellationToken)
        where TState : class
    {
        await IndexTimersAsync(partition, cancellationToken);
        var actions = partition.BuildTransaction(out var stateIndex);
        if (actions.Count == 0)
        {
            return true;
        }

        PartitionBatchGuard.Ensure(partition.InstanceId, actions);
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            partition.Committed(response.Value, stateIndex);
            return true;
        }
        catch (TableTransactionFailedException exception) when (IsConflict(exception.Status))
        {
            return false;
        }
    }

    public static bool IsConflict(int status) => status is 404 or 409 or 412;
}
