using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    /// the process: write a marker, then wait until both databases were saved after it, so the restart loses no
    /// acknowledged write (which real storage never does).</summary>
    private async Task WaitUntilAzuriteSavedAsync()
    {
        var marker = DateTime.UtcNow;
        var table = _azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("marker"));
        await table.CreateAsync();
        var queue = _azurite.QueueService().GetQueueClient(AzuriteFixture.UniqueName("marker"));
        await queue.CreateAsync();
        await RuntimeTestKit.EventuallyAsync(() => Task.FromResult(
                new[] { "__azurite_db_table__.json", "__azurite_db_queue__.json" }.All(file =>
                    File.Exists(Path.Combine(_dataDirectory, file))
                    && File.GetLastWriteTimeUtc(Path.Combine(_dataDirectory, file)) > marker)),
            TimeSpan.FromSeconds(20), "Azurite saved its databases");
    }

    [Fact]
    public async Task Standalone_hosting_recovers_from_an_Azurite_restart_without_manual_action()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(_azurite, ReferenceRuntime.UniqueOptions(), TimeProvider.System,
            o =>
            {
                o.DispatchRecoveryDelay = TimeSpan.FromSeconds(1);
                o.DispatchPollMaxDelay = TimeSpan.FromMilliseconds(500);
                o.SweepInterval = TimeSpan.FromSeconds(1);
            },
            services: s => s.AddWorkflowStandaloneHosting());
        var hosted = runtime.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(default);
        }

        try
        {
            var before = Enumerable.Range(0, 5).Select(_ => RuntimeTestKit.NewId()).ToList();
            foreach (var id in before)
            {
                await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromSeconds(10)), default);
            }

            await RuntimeTestKit.EventuallyAsync(async () => (await Task.WhenAll(before.Select(id => runtime.Client.GetStateAsync(id, default))))
                .All(state => state!.Notified.Count == 2), TimeSpan.FromSeconds(30), "the first orders notified");
            await WaitUntilAzuriteSavedAsync();
            await _azurite.RestartAsync();
            var after = Enumerable.Range(0, 5).Select(_ => RuntimeTestKit.NewId()).ToList();
            foreach (var id in after)
            {
                await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromSeconds(3)), default);
            }

            await RuntimeTestKit.EventuallyAsync(async () =>
            {
                foreach (var id in before.Concat(after))
                {
                    var state = await runtime.Client.GetStateAsync(id, default);
                    if (state is not { Status: OrderStatus.Expired } || state.Notified.Count != 2)
                    {
                        return false;
                    }
                }

                return true;
            }, TimeSpan.FromSeconds(60), "every order notified twice and expired after the restart");

            Assert.All(before.Concat(after), id => Assert.True(runtime.Notifications.PerformedCount(id, "notify-sms") >= 1));
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(default);
            }
        }
    }
}
