namespace Referrals.App.Hosting.Clock;

/// <summary>
/// A clock for Development and tests that runs at real speed from real now and can be moved forward, so a
/// three-week workflow can be exercised in seconds. Timers created from it follow the moved clock: advancing past
/// a timer's due time fires it at once. <see cref="GetTimestamp"/> moves with it, so elapsed-time measurements
/// agree with the timers.
/// </summary>
/// <param name="startOffset">How far ahead of real time it starts (<c>Hosting:ClockOffset</c>), so several processes
/// can share one business time.</param>
public sealed class DevelopmentClock(TimeSpan startOffset = default) : TimeProvider
{
    // Real timers call back on the thread pool, never inside Change; the timers here rely on that.
    private readonly TimeProvider _inner = System;
    private readonly Lock _gate = new();
    private readonly HashSet<DevelopmentTimer> _activeTimers = [];
    private TimeSpan _offset = startOffset >= TimeSpan.Zero
        ? startOffset
        : throw new ArgumentOutOfRangeException(nameof(startOffset), startOffset, "The clock cannot start behind real time.");

    /// <summary>How far this clock is ahead of the underlying one.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override long GetTimestamp() =>
        _inner.GetTimestamp() + (long)((Int128)Offset.Ticks * TimestampFrequency / TimeSpan.TicksPerSecond);

    /// <summary>Moves the clock forward by <paramref name="by"/> and fires every timer that is now due.</summary>
    /// <returns>The new now.</returns>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DevelopmentTimer[] timers;
        lock (_gate)
        {
            _offset += by;
            timers = [.. _activeTimers];
        }

        foreach (var timer in timers)
        {
            timer.Reschedule();
        }

        return GetUtcNow();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new DevelopmentTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal ITimer CreateUnderlyingTimer(TimerCallback callback, object? state) =>
        _inner.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    internal void Track(DevelopmentTimer timer, bool active)
    {
        lock (_gate)
        {
            if (active)
            {
                _activeTimers.Add(timer);
            }
            else
            {
                _activeTimers.Remove(timer);
            }
        }
    }
}
