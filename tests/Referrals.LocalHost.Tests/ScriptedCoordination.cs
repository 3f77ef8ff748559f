using System.Collections.Concurrent;
using Referrals.Workflow;

namespace Referrals.LocalHost.Tests;

/// <summary>
/// Stands in for the referral store behind the coordinator's activities, so the orchestration itself is tested on
/// the real Durable engine: each referral has effects to perform (some failing), a next due time, and a log of the
/// steps the coordinator took.
/// </summary>
public sealed class ScriptedCoordination : IWorkflowCoordination
{
    private readonly ConcurrentDictionary<string, Script> _scripts = new(StringComparer.Ordinal);

    public Script For(string referralId) => _scripts.GetOrAdd(referralId, _ => new Script());

    public async Task<DueWork> ApplyDueAsync(string instanceId, CancellationToken cancellationToken)
    {
        var script = For(instanceId);
        script.Log.Enqueue("apply");
        if (script.HoldApply is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        var due = script.Effects.Where(pair => pair.Value == EffectState.Pending)
            .Select(pair => new DueEffect(pair.Key, "test")).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new DueWork(due, script.NextDueAt, DateTimeOffset.UtcNow, 1, true);
    }

    public Task<EffectStep> PerformEffectAsync(string instanceId, string effectId, CancellationToken cancellationToken)
    {
        var script = For(instanceId);
        // Like the real store: an effect that is done (or was never there) or parked is left alone.
        if (!script.Effects.TryGetValue(effectId, out var state) || state == EffectState.Done)
        {
            script.Log.Enqueue($"perform {effectId}: gone");
            return Task.FromResult(new EffectStep(EffectStepKind.Gone));
        }

        if (state == EffectState.Parked)
        {
            script.Log.Enqueue($"perform {effectId}: parked");
            return Task.FromResult(new EffectStep(EffectStepKind.Parked));
        }

        script.Log.Enqueue($"perform {effectId}");
        if (script.AlwaysFailing.Contains(effectId))
        {
            return Task.FromResult(new EffectStep(EffectStepKind.Failed, Reason: "The provider answered 500."));
        }

        script.Effects[effectId] = EffectState.Done;
        return Task.FromResult(new EffectStep(EffectStepKind.Done));
    }

    public Task<EffectStep> GiveUpAttemptsAsync(string instanceId, string effectId, int attempts, string reason,
        CancellationToken cancellationToken)
    {
        var script = For(instanceId);
        script.Log.Enqueue($"give up {effectId} after {attempts}: {reason}");
        script.Effects[effectId] = EffectState.Parked;
        return Task.FromResult(new EffectStep(EffectStepKind.Parked, Reason: reason));
    }

    public Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<string>> FindDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ParkedEffect>>([]);

    public Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public enum EffectState
    {
        Pending,
        Done,
        Parked,
    }

    public sealed class Script
    {
        public ConcurrentDictionary<string, EffectState> Effects { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<string> AlwaysFailing { get; } = [];

        public DateTimeOffset? NextDueAt { get; set; }

        public ConcurrentQueue<string> Log { get; } = new();

        /// <summary>When set, each look is logged and then waits for it (a cycle kept busy).</summary>
        public TaskCompletionSource? HoldApply { get; set; }

        public void Add(params string[] effectIds)
        {
            foreach (var id in effectIds)
            {
                Effects[id] = EffectState.Pending;
            }
        }

        public Task<string[]> WaitForAsync(Func<string[], bool> condition, TimeSpan timeout, string what) =>
            Eventually.WaitAsync(() => Task.FromResult(Log.ToArray() is { } log && condition(log) ? log : null), timeout, what);
    }
}
