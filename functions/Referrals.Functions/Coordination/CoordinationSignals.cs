using System.Collections.Concurrent;

namespace Referrals.Functions.Coordination;

/// <summary>
/// In-process news of coordinators settling, so the development clock and tests can wait until woken referrals have
/// handled what was due, without polling orchestration status (which adds seconds). Production registers the no-op
/// version: there a referral may settle on another instance, and nobody waits.
/// </summary>
public interface ICoordinationSignals
{
    /// <summary>A referral was woken: it owes a look that saw at least <paramref name="version"/> of it, at business
    /// time <paramref name="at"/> or later (a commit's wake-up gives its version; the development clock its time).</summary>
    void Expect(string referralId, long version, DateTimeOffset at);

    /// <summary>The referral's coordinator read <paramref name="version"/> at business time <paramref name="at"/>
    /// and found nothing due.</summary>
    void Settled(string referralId, long version, DateTimeOffset at);

    /// <summary>Completes when every referral woken so far has settled after its wake-up.</summary>
    Task WhenAllSettledAsync(CancellationToken cancellationToken);
}

public sealed class NoCoordinationSignals : ICoordinationSignals
{
    public void Expect(string referralId, long version, DateTimeOffset at)
    {
    }

    public void Settled(string referralId, long version, DateTimeOffset at)
    {
    }

    public Task WhenAllSettledAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class CoordinationSignals : ICoordinationSignals
{
    private readonly ConcurrentDictionary<string, Owed> _owed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public void Expect(string referralId, long version, DateTimeOffset at) =>
        _owed.AddOrUpdate(referralId, new Owed(version, at),
            (_, owed) => new Owed(Math.Max(owed.Version, version), owed.At > at ? owed.At : at));

    public void Settled(string referralId, long version, DateTimeOffset at)
    {
        if (_owed.TryGetValue(referralId, out var owed) && version >= owed.Version && at >= owed.At)
        {
            _owed.TryRemove(new KeyValuePair<string, Owed>(referralId, owed));
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

    private readonly record struct Owed(long Version, DateTimeOffset At);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
