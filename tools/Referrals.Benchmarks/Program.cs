namespace Referrals.Benchmarks;

/// <summary>The entry point. Not top-level statements: those would declare a global <c>Program</c>, clashing with
/// the app's, which <see cref="BenchmarkApp"/> hosts.</summary>
internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => BenchmarkCommand.RunAsync(args);
}
