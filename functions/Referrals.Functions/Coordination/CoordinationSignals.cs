using System.Collections.Concurrent;

namespace Referrals.Functions.Coordination;

/// <summary>
/// In-process news of coordinators settling, so the development clock and tests can wait until woken referrals have
/// handled what was due, without polling orchestration status (which adds seconds). Production registers the no-op
/// version: there a referral may settle on another instance, and nobody waits.
/// </summary>
public interface ICoordinationSignals
{
    /// <summary>A referral was woken at business time <paramref name="at"/>: it owes a settle after that time.</summary>
    void Expect(string referralId, DateTimeOffset at);

    /// <summary>The referral's coordinator looked at business time <paramref name="at"/> and found nothing due.</summary>
    void Settled(string referralId, DateTimeOffset at);

    /// <summary>Completes when every referral woken so far has settled after its wake-up.</summary>
    Task WhenAllSettledAsync(CancellationToken cancellationToken);
}

public sealed class NoCoordinationSignals : ICoordinationSignals
{
    public void Expect(string referralId, DateTimeOffset at)
    {
    }

    public void Settled(string referralId, DateTimeOffset at)
    {
    }

    public Task WhenAllSettledAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class CoordinationSignals : ICoordinationSignals
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _owed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public void Expect(string referralId, DateTimeOffset at) =>
        _owed.AddOrUpdate(referralId, at, (_, owed) => owed > at ? owed : at);

    public void Settled(string referralId, DateTimeOffset at)
    {
        // Strictly after: a look at the same instant may have read the partition before the commit landed.
        if (_owed.TryGetValue(referralId, out var owed) && at > owed)
        {
            _owed.TryRemove(new KeyValuePair<string, DateTimeOffset>(referralId, owed));
        }

        Pulse();
    }

    public async Task WhenAllSettledAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (_owed.IsEmpty)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
