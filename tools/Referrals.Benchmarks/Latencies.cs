namespace Referrals.Benchmarks;

/// <summary>Percentiles of a set of latencies (nearest-rank), shared by the benchmarks.</summary>
internal static class Latencies
{
    /// <summary>The nearest-rank <paramref name="percentile"/> (0..1) of <paramref name="sorted"/>; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
