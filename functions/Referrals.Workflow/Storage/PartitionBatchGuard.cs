using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>
/// An entity-group transaction must stay inside one partition, hold at most 100 entities and name each entity once.
/// Azurite accepts a cross-partition batch that Azure rejects, so the rules are checked here before anything is sent
/// (a commit's events must go to each timeline page as one merge, never one action per event).
/// </summary>
internal static class PartitionBatchGuard
{
    public const int MaxEntities = 100;

    public static void Ensure(string partitionKey, IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new InvalidOperationException("A transaction needs at least one entity.");
        }

        if (actions.Count > MaxEntities)
        {
            throw new InvalidOperationException(
                $"A transaction for partition '{partitionKey}' holds {actions.Count} entities; at most {MaxEntities} are allowed.");
        }

        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A transaction for partition '{partitionKey}' contains an entity of partition '{action.Entity.PartitionKey}'; " +
                    "an entity-group transaction must stay inside one partition.");
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new InvalidOperationException(
                    $"A transaction for partition '{partitionKey}' names row '{action.Entity.RowKey}' twice; " +
                    "an entity-group transaction may touch each entity once.");
            }
        }
    }
}
