using System.Diagnostics;

namespace Referrals.Benchmarks;

/// <summary>
/// Starts requests on a fixed schedule whatever earlier ones are doing (an open loop, as independent users behave),
/// and times each from its scheduled start, so time spent queued behind a slow server counts in its latency.
/// </summary>
internal static class OpenLoop
{
    /// <summary>Calls <paramref name="send"/> with 0, 1, 2… at <paramref name="rate"/> per second for
    /// <paramref name="duration"/>; <paramref name="send"/> answers whether the response was the expected one.</summary>
    public static async Task<LoadResult> RunAsync(int rate, TimeSpan duration, Func<int, CancellationToken, Task<bool>> send,
        CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var calls = new Task<Outcome>[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var index = i;
            var scheduled = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            calls[i] = Task.Run(() => TimeAsync(index, scheduled, send, cancellationToken), cancellationToken);
        }

        var outcomes = await Task.WhenAll(calls);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var sorted = outcomes.Select(o => o.Milliseconds).Order().ToArray();
        return new LoadResult(rate, sorted, outcomes.Count(o => !o.Expected), elapsed);
    }

    private static async Task<Outcome> TimeAsync(int index, long scheduled, Func<int, CancellationToken, Task<bool>> send,
        CancellationToken cancellationToken)
    {
        bool expected;
        try
        {
            expected = await send(index, cancellationToken);
        }
        catch (HttpRequestException)
        {
            expected = false;
        }

        return new Outcome(Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds, expected);
    }

    private readonly record struct Outcome(double Milliseconds, bool Expected);
}

/// <summary>What one open-loop phase measured: latencies in ms (sorted), unexpected answers, wall-clock time.</summary>
internal sealed record LoadResult(int Rate, IReadOnlyList<double> SortedMs, int Errors, TimeSpan Elapsed)
{
    public double P(double percentile) => Math.Round(Latencies.Percentile(SortedMs, percentile), 1);

    public double Max => SortedMs.Count == 0 ? 0 : Math.Round(SortedMs[^1], 1);
}
