using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>
/// An entity-group transaction must stay inside one partition and hold at most 100 entities. Azurite accepts a
/// cross-partition batch that Azure rejects, so the rule is checked here before anything is sent.
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

        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A transaction for partition '{partitionKey}' contains an entity of partition '{action.Entity.PartitionKey}'; " +
                    "an entity-group transaction must stay inside one partition.");
            }
        }
    }
}
