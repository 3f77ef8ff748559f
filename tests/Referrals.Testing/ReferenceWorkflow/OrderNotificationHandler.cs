using System.Collections.Concurrent;
using Referrals.Workflow;

namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>
/// Performs the reference workflow's notifications: records each performance (instance, effect id) and answers
/// with the <see cref="NotificationSent"/> follow-up. Tests replace <see cref="Behavior"/> to fail, park or hang.
/// </summary>
public sealed class OrderNotificationHandler : IEffectHandler
{
    private readonly ConcurrentQueue<(string InstanceId, string EffectId)> _performed = new();

    public string EffectType => OrderDecider.NotifyEffect;

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
        return EffectOutcome.Done(new NotificationSent(context.Effect.PayloadAs<Notification>().Channel));
    }

    /// <summary>Records a performance from a custom <see cref="Behavior"/>.</summary>
    public void RecordPerformed(EffectContext context) => _performed.Enqueue((context.InstanceId, context.Effect.Id));
}
