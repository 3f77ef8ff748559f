using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.App.Hosting.Demo;
using Referrals.App.Tests.Api;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

/// <summary>The Development demo seeder: through the API's own submission path, into empty storage only.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoSeederTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Seeding_empty_storage_submits_the_demo_set_in_several_states_and_a_second_run_adds_nothing()
    {
        await using var factory = new ApiFactory(azurite);
        await factory.StartAsync();
        var seeder = factory.Services.GetServices<IHostedService>().OfType<DemoSeeder>().Single();

        var ids = await seeder.SeedAsync(CancellationToken.None);
        await factory.RunEffectsAsync();
        var again = await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(DemoReferrals.All(new DateOnly(2026, 1, 1), "2026-1", DateTimeOffset.UnixEpoch).Count, ids.Count);
        Assert.Empty(again);
        using var coordinator = await factory.ClientForAsync("coordinator", "coordinator-1");
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            using var referral = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/referrals/{id}"));
            statuses.Add(referral.RootElement.GetProperty("status").GetString()!);
        }

        Assert.True(statuses.Count >= 3, string.Join(", ", statuses));
        var list = await coordinator.GetFromJsonAsync<JsonElement>("/api/referrals");
        Assert.Equal(ids.Count, list.GetProperty("items").GetArrayLength());
    }
}
