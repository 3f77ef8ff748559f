using Azure.Data.Tables;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

public sealed class PartitionBatchGuardTests
{
    private static TableTransactionAction Add(string partition, int row) =>
        new(TableTransactionActionType.Add, new TableEntity(partition, $"r{row}"));

    [Fact]
    public void Guard_accepts_up_to_100_entities_of_one_partition()
    {
        var actions = Enumerable.Range(0, 100).Select(i => Add("p", i)).ToList();

        PartitionBatchGuard.Ensure("p", actions);

        Assert.Equal(100, actions.Count);
    }

    [Fact]
    public void Guard_rejects_an_entity_of_another_partition_naming_both()
    {
        var actions = new List<TableTransactionAction> { Add("p", 1), Add("q", 2) };

        var error = Assert.Throws<InvalidOperationException>(() => PartitionBatchGuard.Ensure("p", actions));

        Assert.Contains("'p'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'q'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_rejects_an_entity_named_twice()
    {
        var actions = new List<TableTransactionAction> { Add("p", 1), Add("p", 2), Add("p", 1) };

        var error = Assert.Throws<InvalidOperationException>(() => PartitionBatchGuard.Ensure("p", actions));

        Assert.Contains("'r1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_rejects_more_than_100_entities()
    {
        var actions = Enumerable.Range(0, 101).Select(i => Add("p", i)).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => PartitionBatchGuard.Ensure("p", actions));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_rejects_an_empty_transaction()
    {
        Assert.Throws<InvalidOperationException>(() => PartitionBatchGuard.Ensure("p", []));
    }
}
