using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow.Storage;

/// <summary>
/// The global index of due work: PartitionKey = the UTC minute it is due ("yyyyMMddHHmm"), RowKey =
/// "instance|kind|token". Buckets sort by time, so "PartitionKey le now" reads only what is due. Besides the
/// decider's timers it holds two marker kinds: <see cref="WakeKind"/>, written before a commit that adds effects and
/// deleted once the coordinator was woken (so a crash in between is found), and <see cref="EffectKind"/>, an effect
/// waiting until a later time (token = effect id). Rows are only hints: the instance partition is the truth, and the
/// sweep deletes a row once its work is done.
/// </summary>
internal sealed class TimerIndex(TableServiceClient tables, IOptions<WorkflowOptions> options)
{
    public const string WakeKind = "~wake";
    public const string EffectKind = "~effect";
    private const string DueAt = "DueAt";
    private readonly TableClient _table = tables.GetTableClient(options.Value.TimerIndexTableName);

    public TableClient Table => _table;

    public static string Bucket(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static TableEntity Entry(string instanceId, ScheduledTimer timer) =>
        new(Bucket(timer.DueAt), $"{instanceId}|{timer.Kind}|{timer.Token}") { [DueAt] = timer.DueAt };

    public Task UpsertAsync(string instanceId, ScheduledTimer timer, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(Entry(instanceId, timer), TableUpdateMode.Replace, cancellationToken);

    public async Task<DueTimer> AddWakeMarkerAsync(string instanceId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var entry = Entry(instanceId, new ScheduledTimer(WakeKind, dueAt, Guid.NewGuid().ToString("N")));
        await _table.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
        return Parse(entry)!;
    }

    /// <summary>Index rows in buckets at or before now's bucket, oldest first.</summary>
    public IAsyncEnumerable<Page<TableEntity>> QueryDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey le {Bucket(now)}"),
            maxPerPage: 1000, cancellationToken: cancellationToken).AsPages();

    public static DueTimer? Parse(TableEntity entity)
    {
        var parts = entity.RowKey.Split('|');
        return parts.Length == 3 && entity.GetDateTimeOffset(DueAt) is { } due
            ? new DueTimer(entity.PartitionKey, entity.RowKey, parts[0], new TimerElapsed(parts[1], parts[2], due))
            : null;
    }

    /// <summary>Deletes fired or stale index rows, one transaction per bucket and 100 rows.</summary>
    public async Task DeleteAsync(IEnumerable<(string Bucket, string RowKey)> rows, CancellationToken cancellationToken)
    {
        foreach (var bucket in rows.GroupBy(row => row.Bucket, StringComparer.Ordinal))
        {
            foreach (var chunk in bucket.Chunk(PartitionBatchGuard.MaxEntities))
            {
                var actions = chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(row.Bucket, row.RowKey), ETag.All)).ToList();
                PartitionBatchGuard.Ensure(bucket.Key, actions);
                try
                {
                    await _table.SubmitTransactionAsync(actions, cancellationToken);
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 404)
                {
                    // Another sweeper deleted some of them first; delete the rest one by one.
                    foreach (var action in actions)
                    {
                        await DeleteOneAsync(action.Entity, cancellationToken);
                    }
                }
            }
        }
    }

    private async Task DeleteOneAsync(ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }
}

/// <summary>One index row read by the sweeper.</summary>
internal sealed record DueTimer(string Bucket, string RowKey, string InstanceId, TimerElapsed Timer);
