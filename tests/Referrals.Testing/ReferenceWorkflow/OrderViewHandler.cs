using System.Collections.Concurrent;
using Referrals.Workflow;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>
/// Updates the reference workflow's read model of an order: an inline effect, performed by whoever committed the
/// decision that asked for it. Records each performance; tests replace <see cref="Behavior"/> to fail.
/// </summary>
public sealed class OrderViewHandler : IEffectHandler
{
    private readonly ConcurrentQueue<(string InstanceId, string EffectId)> _performed = new();

    public string EffectType => OrderDecider.ViewEffect;

    public bool PerformsInline => true;

    /// <summary>Decides the outcome instead of the default success; null performs normally.</summary>
    public Func<EffectContext, CancellationToken, Task<EffectOutcome?>>? Behavior { get; set; }

    public IReadOnlyCollection<(string InstanceId, string EffectId)> Performed => _performed;

    public int PerformedCount(string instanceId, string effectId) =>
        _performed.Count(p => p.InstanceId == instanceId && p.EffectId == effectId);

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken)
    {
        if (Behavior is { } behavior && await behavior(context, cancellationToken) is { } outcome)
        {
            return outcome;
        }

        _performed.Enqueue((context.InstanceId, context.Effect.Id));
        return EffectOutcome.Done();
    }
}
