using System.Globalization;

namespace Referrals.Benchmarks;

/// <summary>
/// Parses the command line: <c>engine [--referrals N] [--activities K] [--idle-seconds S] [--concurrency C] [--deadline-seconds D]</c> or
/// <c>api [--rate R] [--duration S] [--get-rate R] [--get-duration S]</c>.
/// </summary>
internal static class BenchmarkCommand
{
    private const string Usage =
        "usage: bench.sh engine [--referrals 100] [--activities 6] [--idle-seconds 120] [--concurrency 16] [--deadline-seconds 60]\n" +
        "       bench.sh api [--rate 50] [--duration 20] [--get-rate 50] [--get-duration 10] [--storage-accounts 1|2] [--processes 1|2]   (durations in seconds)";

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        if (mode is not ("engine" or "api"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var engine = new EngineBenchmarkSettings();
        var api = new ApiBenchmarkSettings();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                await Console.Error.WriteLineAsync($"{args[i]} needs a positive whole number.");
                return 2;
            }

            switch (mode, args[i])
            {
                case ("engine", "--referrals"): engine = engine with { Referrals = value }; break;
                case ("engine", "--paced-referrals"): engine = engine with { PacedReferrals = value }; break;
                case ("engine", "--paced-interval-ms"): engine = engine with { PacedIntervalMs = value }; break;
                case ("engine", "--activities"): engine = engine with { Activities = value }; break;
                case ("engine", "--idle-seconds"): engine = engine with { IdleSeconds = value }; break;
                case ("engine", "--concurrency"): engine = engine with { Concurrency = value }; break;
                case ("engine", "--deadline-seconds"): engine = engine with { DeadlineSeconds = value }; break;
                case ("api", "--rate"): api = api with { Rate = value }; break;
                case ("api", "--duration"): api = api with { Duration = TimeSpan.FromSeconds(value) }; break;
                case ("api", "--get-rate"): api = api with { GetRate = value }; break;
                case ("api", "--get-duration"): api = api with { GetDuration = TimeSpan.FromSeconds(value) }; break;
                case ("api", "--storage-accounts") when value <= 2: api = api with { StorageAccounts = value }; break;
                case ("api", "--processes") when value <= 2: api = api with { Processes = value }; break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown option {args[i]} for {mode}.\n{Usage}");
                    return 2;
            }
        }

        if (mode == "engine")
        {
            return await EngineBenchmark.RunAsync(engine, CancellationToken.None);
        }

        await ApiBenchmark.RunAsync(api, CancellationToken.None);
        return 0;
    }
}

/// <summary><see cref="Referrals"/> referrals and as many bare orchestrations of <see cref="Activities"/> activities
/// each, started <see cref="Concurrency"/> at a time; the referrals must be done <see cref="DeadlineSeconds"/> after
/// the last submit; then <see cref="IdleSeconds"/> with nothing to do.</summary>
internal sealed record EngineBenchmarkSettings(int Referrals = 100, int Activities = 6, int IdleSeconds = 120, int Concurrency = 16,
    int DeadlineSeconds = 60, int PacedReferrals = 30, int PacedIntervalMs = 500);

/// <summary>Submits at <see cref="Rate"/> per second for <see cref="Duration"/>, then reads at <see cref="GetRate"/>
/// per second for <see cref="GetDuration"/>.</summary>
/// <param name="StorageAccounts">1: the task hub and the app's tables share one Azurite; 2: the task hub has its own
/// (as a dedicated storage account would give it in Azure).</param>
/// <param name="Processes">1: every function in the benchmark's process; 2: the Durable functions and timers in a
/// second local host (Flex Consumption's HTTP and Durable groups).</param>
internal sealed record ApiBenchmarkSettings(int Rate, TimeSpan Duration, int GetRate, TimeSpan GetDuration, int StorageAccounts = 1,
    int Processes = 1)
{
    public ApiBenchmarkSettings()
        : this(50, TimeSpan.FromSeconds(20), 50, TimeSpan.FromSeconds(10))
    {
    }
}
