using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

/// <summary>Starts reference-workflow runtimes against a test's Azurite on a fake clock.</summary>
internal static class RuntimeTestKit
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    public static Task<ReferenceRuntime> StartAsync(AzuriteFixture azurite, WorkflowOptions names, TimeProvider time,
        Action<WorkflowOptions>? configure = null, CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? services = null) =>
        ReferenceRuntime.StartAsync(azurite.ConnectionString, names, time, configure, collection =>
        {
            if (logs is not null)
            {
                collection.AddLogging(logging => logging.AddProvider(logs));
            }

            services?.Invoke(collection);
        });

    public static string NewId() => "order-" + Guid.NewGuid().ToString("N")[..12];

    public static PlaceOrder Place(TimeSpan? expiresAfter = null) => new("Tea", expiresAfter ?? TimeSpan.FromHours(1));

    /// <summary>Polls a condition until it holds or the deadline passes (for work another process does in real
    /// time, e.g. Azurite saving its database).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
