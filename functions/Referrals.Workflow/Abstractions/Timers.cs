namespace Referrals.Workflow;

/// <summary>
/// A change to an instance's timers. A timer is identified by <see cref="Kind"/> within the instance: setting a
/// kind again replaces it. The <see cref="Token"/> travels back in <see cref="TimerElapsed"/> so the decider can
/// recognise a stale timer (the deadline was met or moved).
/// </summary>
public abstract record TimerChange(string Kind)
{
    public static TimerChange Set(string kind, DateTimeOffset dueAt, string token) => new SetTimer(kind, dueAt, token);

    public static TimerChange Cancel(string kind) => new CancelTimer(kind);
}

public sealed record SetTimer(string Kind, DateTimeOffset DueAt, string Token) : TimerChange(Kind);

public sealed record CancelTimer(string Kind) : TimerChange(Kind);

/// <summary>Delivered to <see cref="IDecider{TState, TCommand}.OnTimer"/> when a timer is due.</summary>
public sealed record TimerElapsed(string Kind, string Token, DateTimeOffset DueAt);
