namespace Referrals.App.Hosting.Clock;

/// <summary>
/// A timer of <see cref="DevelopmentClock"/>: it remembers its due instant on the moved clock and keeps an
/// underlying real timer armed for the remaining real time, re-armed whenever the clock jumps.
/// </summary>
internal sealed class DevelopmentTimer : ITimer
{
    // A real timer cannot be armed for much more than 49 days; a longer wait is re-armed when it elapses.
    private static readonly TimeSpan s_longestArm = TimeSpan.FromDays(30);

    private readonly DevelopmentClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly Lock _gate = new();
    private readonly ITimer _underlying;
    private DateTimeOffset? _dueAt;
    private TimeSpan _period;
    private bool _disposed;

    public DevelopmentTimer(DevelopmentClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _underlying = clock.CreateUnderlyingTimer(static self => ((DevelopmentTimer)self!).OnUnderlyingElapsed(), this);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateInterval(dueTime, nameof(dueTime));
        ValidateInterval(period, nameof(period));
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period;
            _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
            _clock.Track(this, _dueAt is not null);
            ArmUnderlying();
            return true;
        }
    }

    /// <summary>Called after the clock moved: re-arms for the new remaining time (zero when already due).</summary>
    public void Reschedule()
    {
        lock (_gate)
        {
            if (!_disposed && _dueAt is not null)
            {
                ArmUnderlying();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _dueAt = null;
            _clock.Track(this, active: false);
        }

        _underlying.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnUnderlyingElapsed()
    {
        lock (_gate)
        {
            if (_disposed || _dueAt is not { } dueAt)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            if (now < dueAt)
            {
                // Armed for longer than a real timer allows, or woken a little early: wait for the rest.
                ArmUnderlying();
                return;
            }

            var periodic = _period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero;
            _dueAt = periodic ? now + _period : null;
            if (periodic)
            {
                ArmUnderlying();
            }
            else
            {
                _clock.Track(this, active: false);
            }
        }

        _callback(_state);
    }

    private void ArmUnderlying()
    {
        if (_dueAt is not { } dueAt)
        {
            _underlying.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var remaining = dueAt - _clock.GetUtcNow();
        var arm = remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining > s_longestArm ? s_longestArm : remaining;
        _underlying.Change(arm, Timeout.InfiniteTimeSpan);
    }

    private static void ValidateInterval(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer interval is zero, positive or infinite.");
        }
    }
}
