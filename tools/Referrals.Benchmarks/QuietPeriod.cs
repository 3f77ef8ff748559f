using System.Diagnostics;

namespace Referrals.Benchmarks;

/// <summary>Waiting for a stretch with no work, as the storage counters see it.</summary>
internal static class QuietPeriod
{
    /// <summary>Waits until <paramref name="lastWorkAt"/> (a <see cref="Stopwatch"/> timestamp) is at least
    /// <paramref name="quiet"/> old; false when that did not happen within <paramref name="deadline"/>.</summary>
    public static async Task<bool> WaitAsync(Func<long> lastWorkAt, TimeSpan quiet, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(lastWorkAt()) < quiet)
        {
            if (Stopwatch.GetElapsedTime(started) > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return true;
    }
}
