namespace Referrals.Workflow.Runtime;

/// <summary>The registered <see cref="IEffectHandler"/>s by effect type.</summary>
internal sealed class EffectHandlerRegistry
{
    private readonly Dictionary<string, IEffectHandler> _handlers = new(StringComparer.Ordinal);

    public EffectHandlerRegistry(IEnumerable<IEffectHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.EffectType, handler))
            {
                throw new InvalidOperationException(
                    $"Two effect handlers are registered for effect type '{handler.EffectType}': " +
                    $"{_handlers[handler.EffectType].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    public IEffectHandler? Find(string effectType) => _handlers.GetValueOrDefault(effectType);

    /// <summary>Whether effects of this type are performed right after the commit that asks for them
    /// (<see cref="IEffectHandler.PerformsInline"/>).</summary>
    public bool PerformsInline(string effectType) => Find(effectType)?.PerformsInline == true;
}
