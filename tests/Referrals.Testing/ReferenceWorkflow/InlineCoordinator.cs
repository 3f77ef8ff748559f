using System.Collections.Concurrent;
using Referrals.Workflow;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>
/// Drives instances through <see cref="IWorkflowCoordination"/> in process, the way the app's Durable orchestration
/// does (apply what is due, perform each due effect, give up on a failed one, look again), but synchronously and
/// without an engine, so tests of the workflow library and its storage stay fast and deterministic. It is also the
/// library's <see cref="IInstanceWaker"/>: it remembers which instances were woken.
/// </summary>
public sealed class InlineCoordinator(Func<IWorkflowCoordination> coordination, TimeProvider time) : IInstanceWaker
{
    private const int MaxRounds = 1000;
    private readonly ConcurrentDictionary<string, byte> _woken = new(StringComparer.Ordinal);
    private int _wakes;

    /// <summary>How many wake-ups (starts included) commits asked for.</summary>
    public int Wakes => _wakes;

    /// <summary>When set, wake-ups throw (a crash between the commit and the wake-up).</summary>
    public bool FailWakes { get; set; }

    public Task StartAsync(string instanceId, long version, CancellationToken cancellationToken) =>
        WakeAsync(instanceId, version, cancellationToken);

    public Task WakeAsync(string instanceId, long version, CancellationToken cancellationToken)
    {
        if (FailWakes)
        {
            throw new InvalidOperationException("Wake-ups fail in this test.");
        }

        Interlocked.Increment(ref _wakes);
        _woken[instanceId] = 0;
        return Task.CompletedTask;
    }

    public Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        WakeAsync(instanceId, 0, cancellationToken);

    /// <summary>Runs cycles for woken instances and for instances with index rows due by now, until none is left.</summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var steps = coordination();
        for (var round = 0; round < MaxRounds; round++)
        {
            foreach (var id in await steps.FindDueAsync(time.GetUtcNow(), cancellationToken))
            {
                _woken[id] = 0;
            }

            var batch = _woken.Keys.ToList();
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var id in batch)
            {
                _woken.TryRemove(id, out _);
                await CycleAsync(steps, id, cancellationToken);
            }

            await steps.SweepAsync(time.GetUtcNow(), cancellationToken);
        }

        throw new InvalidOperationException($"The instances did not become idle within {MaxRounds} rounds.");
    }

    /// <summary>One cycle of one instance, as the orchestration runs it.</summary>
    public static async Task CycleAsync(IWorkflowCoordination steps, string instanceId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 20; round++)
        {
            var due = await steps.ApplyDueAsync(instanceId, cancellationToken);
            if (due.Effects.Count == 0)
            {
                return;
            }

            await Task.WhenAll(due.Effects.Select(async effect =>
            {
                var step = await steps.PerformEffectAsync(instanceId, effect.Id, cancellationToken);
                if (step.Kind == EffectStepKind.Failed)
                {
                    await steps.GiveUpAttemptsAsync(instanceId, effect.Id, 1, step.Reason ?? "failed", cancellationToken);
                }
            }));
        }
    }
}
