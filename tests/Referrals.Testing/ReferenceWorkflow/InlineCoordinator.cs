using System.Collections.Concurrent;
using System.Collections.Immutable;
using Referrals.Workflow;
using Referrals.Workflow.Runtime;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>
/// Drives instances through <see cref="IWorkflowCoordination"/> in process, the way the app's Durable orchestration
/// does (perform the effects a commit announced, apply what is due, perform each due effect, give up on a failed one,
/// look again), but synchronously and
/// without an engine, so tests of the workflow library and its storage stay fast and deterministic. It is also the
/// library's <see cref="IInstanceWaker"/>: it remembers which instances were woken.
/// </summary>
/// <param name="wakeUps">The commits' wake-ups still under way, which a run waits for first.</param>
public sealed class InlineCoordinator(Func<IWorkflowCoordination> coordination, TimeProvider time,
    Func<PendingWakeUps>? wakeUps = null) : IInstanceWaker
{
    private const int MaxRounds = 1000;
    // Woken instances, with the effect ids their commits announced as due.
    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _woken = new(StringComparer.Ordinal);
    private int _wakes;

    /// <summary>How many wake-ups (starts included) commits asked for.</summary>
    public int Wakes => _wakes;

    /// <summary>When set, wake-ups throw (a crash between the commit and the wake-up).</summary>
    public bool FailWakes { get; set; }

    /// <summary>The effect ids the last commits announced as due, per instance (all wake-ups so far).</summary>
    public ConcurrentQueue<(string InstanceId, IReadOnlyList<string> DueEffectIds)> Announced { get; } = new();

    public Task StartAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken) =>
        WakeAsync(instanceId, version, dueEffectIds, cancellationToken);

    /// <summary>When set, wake-ups wait for it first (a wake-up slower than the command's answer).</summary>
    public Task? WakesWaitFor { get; set; }

    public async Task WakeAsync(string instanceId, long version, IReadOnlyList<string> dueEffectIds,
        CancellationToken cancellationToken)
    {
        if (WakesWaitFor is { } held)
        {
            await held.WaitAsync(cancellationToken);
        }

        if (FailWakes)
        {
            throw new InvalidOperationException("Wake-ups fail in this test.");
        }

        Interlocked.Increment(ref _wakes);
        Announced.Enqueue((instanceId, dueEffectIds));
        _woken.AddOrUpdate(instanceId, _ => [.. dueEffectIds], (_, ids) => ids.Union(dueEffectIds));
    }

    public Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        WakeAsync(instanceId, 0, [], cancellationToken);

    /// <summary>Runs cycles for woken instances and for instances with index rows due by now, until none is left.</summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        if (wakeUps is not null)
        {
            await wakeUps().WhenAllDoneAsync(cancellationToken);
        }

        var steps = coordination();
        for (var round = 0; round < MaxRounds; round++)
        {
            foreach (var id in await steps.FindDueAsync(time.GetUtcNow(), cancellationToken))
            {
                _woken.TryAdd(id, []);
            }

            var batch = _woken.Keys.ToList();
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var id in batch)
            {
                if (_woken.TryRemove(id, out var announced))
                {
                    await CycleAsync(steps, id, cancellationToken, [.. announced.Order(StringComparer.Ordinal)]);
                }
            }

            await steps.SweepAsync(time.GetUtcNow(), cancellationToken);
        }

        throw new InvalidOperationException($"The instances did not become idle within {MaxRounds} rounds.");
    }

    /// <summary>One cycle of one instance, as the orchestration runs it: the announced effects first, then the looks.</summary>
    public static async Task CycleAsync(IWorkflowCoordination steps, string instanceId, CancellationToken cancellationToken,
        IReadOnlyList<string>? announced = null)
    {
        await Task.WhenAll((announced ?? []).Distinct(StringComparer.Ordinal)
            .Select(id => PerformAsync(steps, instanceId, id, cancellationToken)));
        for (var round = 0; round < 20; round++)
        {
            var due = await steps.ApplyDueAsync(instanceId, cancellationToken);
            if (due.Effects.Count == 0)
            {
                return;
            }

            await Task.WhenAll(due.Effects.Select(effect => PerformAsync(steps, instanceId, effect.Id, cancellationToken)));
        }
    }

    private static async Task PerformAsync(IWorkflowCoordination steps, string instanceId, string effectId,
        CancellationToken cancellationToken)
    {
        var step = await steps.PerformEffectAsync(instanceId, effectId, cancellationToken);
        if (step.Kind == EffectStepKind.Failed)
        {
            await steps.GiveUpAttemptsAsync(instanceId, effectId, 1, step.Reason ?? "failed", cancellationToken);
        }
    }
}
