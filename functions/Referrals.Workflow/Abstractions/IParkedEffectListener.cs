namespace Referrals.Workflow;

/// <summary>
/// Optional, registered beside a decider: turns an effect the runtime parked on its own (retries exhausted, no
/// handler, an unreadable payload) into a command for the instance, so the instance can show it. Effects a handler
/// parks itself carry their own follow-up instead.
/// </summary>
public interface IParkedEffectListener<out TCommand>
{
    TCommand? OnEffectParked(string effectId, string effectType, string reason);
}
