using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Referrals.Benchmarks;

/// <summary>
/// The ceiling: an orchestration that calls K no-op activities one after another, registered into the local
/// host's own Durable Task worker (the SDK's named registry options, which the host's worker reads when it is
/// built), so it runs on the same sidecar, task hub and storage as the referral coordinator. Its last episode
/// reports to this process directly, so completion is seen without polling the client.
/// </summary>
internal sealed class BareOrchestrations
{
    public const string OrchestratorName = "BenchmarkBareOrchestration";
    public const string ActivityName = "BenchmarkNoOpActivity";

    private volatile Batch? _batch;

    public void Register(IServiceCollection services) =>
        services.Configure<DurableTaskRegistry>(Options.DefaultName, registry => registry
            .AddOrchestratorFunc<int, int>(OrchestratorName, RunAsync)
            .AddActivityFunc<int, int>(ActivityName, (_, step) => step));

    /// <summary>Starts watching for <paramref name="count"/> completions of instances whose id starts with <paramref name="prefix"/>.</summary>
    public Batch Expect(string prefix, int count)
    {
        var batch = new Batch(prefix, count);
        _batch = batch;
        return batch;
    }

    private async Task<int> RunAsync(TaskOrchestrationContext context, int activities)
    {
        for (var step = 0; step < activities; step++)
        {
            await context.CallActivityAsync<int>(ActivityName, step);
        }

        // Only the episode that really ran past the last activity, not a replay of it.
        if (!context.IsReplaying)
        {
            _batch?.Completed(context.InstanceId);
        }

        return activities;
    }

    /// <summary>The completions of one batch, as <see cref="Stopwatch"/> timestamps.</summary>
    internal sealed class Batch(string prefix, int count)
    {
        private readonly ConcurrentDictionary<string, long> _completedAt = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task All => _all.Task;

        public int CompletedCount => _completedAt.Count;

        public IReadOnlyDictionary<string, long> CompletedAt => _completedAt;

        public void Completed(string instanceId)
        {
            if (instanceId.StartsWith(prefix, StringComparison.Ordinal)
                && _completedAt.TryAdd(instanceId, Stopwatch.GetTimestamp()) && _completedAt.Count >= count)
            {
                _all.TrySetResult();
            }
        }
    }
}
