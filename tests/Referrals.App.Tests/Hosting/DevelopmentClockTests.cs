using Referrals.App.Hosting.Clock;

namespace Referrals.App.Tests.Hosting;

/// <summary>The clock runs on real time, so timer tests wait for the callback with a deadline.</summary>
public sealed class DevelopmentClockTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_new_clock_reads_real_now()
    {
        var clock = new DevelopmentClock();

        var before = TimeProvider.System.GetUtcNow();
        var now = clock.GetUtcNow();
        var after = TimeProvider.System.GetUtcNow();

        Assert.InRange(now, before, after);
        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Fact]
    public void A_clock_given_a_start_offset_reads_that_far_ahead_and_refuses_to_start_behind()
    {
        var offset = TimeSpan.FromHours(13);
        var clock = new DevelopmentClock(offset);

        var before = TimeProvider.System.GetUtcNow();
        var now = clock.GetUtcNow();
        var after = TimeProvider.System.GetUtcNow();

        Assert.InRange(now, before + offset, after + offset);
        Assert.Equal(offset, clock.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DevelopmentClock(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Advance_moves_now_and_timestamps_by_the_amount()
    {
        var clock = new DevelopmentClock();
        var startTimestamp = clock.GetTimestamp();
        var before = TimeProvider.System.GetUtcNow();

        var now = clock.Advance(TimeSpan.FromDays(3));

        Assert.InRange(now - before, TimeSpan.FromDays(3), TimeSpan.FromDays(3) + s_deadline);
        Assert.Equal(TimeSpan.FromDays(3), clock.Offset);
        Assert.InRange(clock.GetElapsedTime(startTimestamp), TimeSpan.FromDays(3), TimeSpan.FromDays(3) + s_deadline);
    }

    [Fact]
    public void Advance_refuses_to_go_back()
    {
        var clock = new DevelopmentClock();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Fact]
    public async Task Advances_from_many_threads_all_count()
    {
        var clock = new DevelopmentClock();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        })));

        Assert.Equal(TimeSpan.FromSeconds(8000), clock.Offset);
    }

    [Fact]
    public async Task A_timer_fires_when_the_clock_is_advanced_past_its_due_time()
    {
        var clock = new DevelopmentClock();
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(clock.GetUtcNow()), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        var due = clock.GetUtcNow() + TimeSpan.FromHours(1);

        clock.Advance(TimeSpan.FromHours(2));

        Assert.True(await fired.Task.WaitAsync(s_deadline) >= due);
    }

    [Fact]
    public async Task A_timer_not_yet_due_after_an_advance_stays_pending()
    {
        var clock = new DevelopmentClock();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromDays(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.False(fired.Task.IsCompleted);

        clock.Advance(TimeSpan.FromDays(1));
        await fired.Task.WaitAsync(s_deadline);
    }

    [Fact]
    public async Task A_periodic_timer_fires_again_after_each_advance_past_its_period()
    {
        var clock = new DevelopmentClock();
        using var periodic = new PeriodicTimer(TimeSpan.FromMinutes(15), clock);

        var first = periodic.WaitForNextTickAsync().AsTask();
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await first.WaitAsync(s_deadline));

        var second = periodic.WaitForNextTickAsync().AsTask();
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await second.WaitAsync(s_deadline));
    }

    [Fact]
    public async Task A_short_timer_fires_in_real_time_without_an_advance()
    {
        var clock = new DevelopmentClock();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);

        await fired.Task.WaitAsync(s_deadline);
    }

    [Fact]
    public async Task A_cancellation_timeout_on_the_clock_expires_when_the_clock_passes_it()
    {
        var clock = new DevelopmentClock();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(30), clock);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancellation.Token.Register(() => cancelled.TrySetResult());

        clock.Advance(TimeSpan.FromHours(1));

        await cancelled.Task.WaitAsync(s_deadline);
    }

    [Fact]
    public async Task A_disposed_timer_never_fires_and_cannot_be_changed()
    {
        var clock = new DevelopmentClock();
        var disposedFired = false;
        var disposed = clock.CreateTimer(_ => Volatile.Write(ref disposedFired, true), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        var liveFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = clock.CreateTimer(_ => liveFired.TrySetResult(), null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);

        disposed.Dispose();
        clock.Advance(TimeSpan.FromHours(1));
        await liveFired.Task.WaitAsync(s_deadline);

        Assert.False(Volatile.Read(ref disposedFired));
        Assert.False(disposed.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }
}
