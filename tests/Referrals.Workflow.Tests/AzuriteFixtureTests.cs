using Azure.Data.Tables;
using Referrals.Testing;

namespace Referrals.Workflow.Tests;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Azurite_accepts_a_table_write_and_read()
    {
        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("fixture"));
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });

        var entity = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(42, entity.Value.GetInt32("Value"));
    }
}
