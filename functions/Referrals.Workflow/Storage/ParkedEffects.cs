using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow.Storage;

/// <summary>The operator view of parked effects: PartitionKey = instance id, RowKey = effect id. No payloads.</summary>
internal sealed class ParkedEffects(TableServiceClient tables, IOptions<WorkflowOptions> options)
{
    private const string Type = "Type";
    private const string Reason = "Reason";
    private const string ParkedAt = "ParkedAt";
    private readonly TableClient _table = tables.GetTableClient(options.Value.ParkedTableName);

    public TableClient Table => _table;

    public Task UpsertAsync(ParkedEffect parked, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(parked.InstanceId, parked.EffectId)
        {
            [Type] = parked.Type,
            [Reason] = parked.Reason,
            [ParkedAt] = parked.ParkedAt,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Adds the row unless it is there (keeping the time it was first parked at).</summary>
    public async Task AddIfMissingAsync(ParkedEffect parked, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(parked.InstanceId, parked.EffectId)
            {
                [Type] = parked.Type,
                [Reason] = parked.Reason,
                [ParkedAt] = parked.ParkedAt,
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already listed.
        }
    }

    public async Task<IReadOnlyList<ParkedEffect>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<ParkedEffect>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            list.Add(new ParkedEffect(entity.PartitionKey, entity.RowKey, entity.GetString(Type) ?? "",
                entity.GetString(Reason) ?? "", entity.GetDateTimeOffset(ParkedAt) ?? default));
        }

        return list.OrderBy(p => p.ParkedAt).ToList();
    }

    public async Task DeleteAsync(string instanceId, string effectId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(instanceId, effectId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }
}
