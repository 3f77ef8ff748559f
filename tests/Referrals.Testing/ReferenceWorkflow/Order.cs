namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>The reference workflow's state: a placed order that notifies twice and expires unless confirmed.</summary>
public sealed record Order(
    string Item,
    OrderStatus Status,
    string ExpiryToken,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Notified,
    IReadOnlyList<string> FailedNotifications)
{
    /// <summary>How many notes the order has (each updates its view, an inline effect).</summary>
    public int Notes { get; init; }
}

public enum OrderStatus
{
    Placed,
    Confirmed,
    Cancelled,
    Expired,
}
