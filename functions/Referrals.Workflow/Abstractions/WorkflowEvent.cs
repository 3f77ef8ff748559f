namespace Referrals.Workflow;

/// <summary>
/// One entry of an instance's append-only timeline. <paramref name="Type"/> is a camelCase verb phrase
/// ("submitted", "acknowledged"); <paramref name="Actor"/> names who caused it (a person's subject, "system",
/// "returnee"); <paramref name="Detail"/> holds small, display-ready facts. The runtime stamps the time.
/// </summary>
public sealed record WorkflowEvent(string Type, string Actor, IReadOnlyDictionary<string, string?>? Detail = null);

/// <summary>An event as stored: with its sequence number and commit time.</summary>
public sealed record RecordedEvent(long Sequence, DateTimeOffset At, string Type, string Actor,
    IReadOnlyDictionary<string, string?> Detail);
