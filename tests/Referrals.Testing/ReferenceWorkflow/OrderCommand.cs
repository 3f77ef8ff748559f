namespace Referrals.Testing.ReferenceWorkflow;

/// <summary>The reference workflow's commands.</summary>
public abstract record OrderCommand;

/// <summary>Creates the order: two notifications (email and SMS) and an expiry timer.</summary>
public sealed record PlaceOrder(string Item, TimeSpan ExpiresAfter) : OrderCommand;

public sealed record ConfirmOrder : OrderCommand;

public sealed record CancelOrder : OrderCommand;

/// <summary>Moves the expiry (a new token, so the old timer becomes stale).</summary>
public sealed record ExtendOrder(DateTimeOffset ExpiresAt) : OrderCommand;

/// <summary>Asks for a reminder notification, delayed until <paramref name="At"/> (an effect with a not-before time).</summary>
public sealed record RemindOrder(DateTimeOffset At) : OrderCommand;

/// <summary>Adds a note: the order's view is updated (an inline effect), and with <paramref name="Notify"/> the
/// customer is told too (an effect for the coordinator).</summary>
public sealed record NoteOrder(string Text, bool Notify = false) : OrderCommand;

/// <summary>Sets the review deadline; when it falls due, the order's view is updated (an inline effect).</summary>
public sealed record ReviewOrderAt(DateTimeOffset At) : OrderCommand;

/// <summary>Changes nothing (exercises the no-op path).</summary>
public sealed record TouchOrder : OrderCommand;

/// <summary>Follow-up of a performed notification.</summary>
public sealed record NotificationSent(string Channel) : OrderCommand;

/// <summary>Follow-up of a parked notification.</summary>
public sealed record NotificationFailed(string Channel, string Reason) : OrderCommand;
