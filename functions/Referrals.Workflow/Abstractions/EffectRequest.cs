using System.Text.Json;

namespace Referrals.Workflow;

/// <summary>
/// Work a decision asks for, performed after the commit by the handler registered for <paramref name="Type"/>.
/// <paramref name="Id"/> is stable and unique within the instance (it is the outbox row key and the idempotency key
/// handed to the provider); <paramref name="Payload"/> is the handler's input as JSON.
/// <paramref name="NotBefore"/> delays the effect (e.g. SMS quiet hours) without a separate timer.
/// </summary>
public sealed record EffectRequest(string Type, string Id, JsonElement Payload, DateTimeOffset? NotBefore = null)
{
    public static EffectRequest Create<T>(string type, string id, T payload, DateTimeOffset? notBefore = null) =>
        new(type, id, JsonSerializer.SerializeToElement(payload, WorkflowJson.Options), notBefore);

    public T PayloadAs<T>() => Payload.Deserialize<T>(WorkflowJson.Options)
        ?? throw new InvalidOperationException($"Effect {Type}/{Id} has an empty payload.");
}
