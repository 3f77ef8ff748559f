using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

public sealed class AzuriteRestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private readonly AzuriteFixture _azurite;

    public AzuriteRestartTests() => _azurite = AzuriteFixture.OnDisk(_dataDirectory);

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Azurite keeps its on-disk database in memory and saves it every 5 s, and the fixture's restart kills
    /// the process: write a marker, then wait until the table database was saved after it, so the restart loses no
    /// acknowledged write (which real storage never does).</summary>
    private async Task WaitUntilAzuriteSavedAsync()
    {
        var marker = DateTime.UtcNow;
        var table = _azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("marker"));
        await table.CreateAsync();
        var database = Path.Combine(_dataDirectory, "__azurite_db_table__.json");
        await RuntimeTestKit.EventuallyAsync(() => Task.FromResult(
                File.Exists(database) && File.GetLastWriteTimeUtc(database) > marker),
            TimeSpan.FromSeconds(20), "Azurite saved its table database");
    }

    [Fact]
    public async Task Effects_committed_before_an_Azurite_restart_are_performed_after_it()
    {
        var clock = RuntimeTestKit.Clock();
        await using var runtime = await RuntimeTestKit.StartAsync(_azurite, ReferenceRuntime.UniqueOptions(), clock);
        var ids = Enumerable.Range(0, 5).Select(_ => RuntimeTestKit.NewId()).ToList();
        foreach (var id in ids)
        {
            Assert.True((await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromMinutes(10)), default)).Applied);
        }

        await WaitUntilAzuriteSavedAsync();
        await _azurite.RestartAsync();
        await runtime.Engine.RunUntilIdleAsync(default);
        clock.Advance(TimeSpan.FromMinutes(10));
        await runtime.Engine.RunUntilIdleAsync(default);

        foreach (var id in ids)
        {
            var snapshot = await runtime.Client.GetAsync(id, default);
            Assert.Equal(OrderStatus.Expired, snapshot!.State.Status);
            Assert.Equal(["email", "sms"], snapshot.State.Notified.Order(StringComparer.Ordinal));
            Assert.Empty(snapshot.Effects);
            Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-email"));
            Assert.Equal(1, runtime.Notifications.PerformedCount(id, "notify-sms"));
        }
    }
}
