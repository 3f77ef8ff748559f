using System.Globalization;

namespace Referrals.Benchmarks;

/// <summary>
/// Parses the command line: <c>engine [--instances N] [--concurrency C] [--scheduled M] [--rounds R]</c> or
/// <c>api [--rate R] [--duration S] [--get-rate R] [--get-duration S]</c>.
/// </summary>
internal static class BenchmarkCommand
{
    private const string Usage =
        "usage: bench.sh engine [--instances 500] [--concurrency 16] [--scheduled 100000] [--rounds 3]\n" +
        "       bench.sh api [--rate 50] [--duration 20] [--get-rate 50] [--get-duration 10]   (durations in seconds)";

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
                case ("engine", "--instances"): engine = engine with { Instances = value }; break;
                case ("engine", "--concurrency"): engine = engine with { Concurrency = value }; break;
                case ("engine", "--scheduled"): engine = engine with { ScheduledTimers = value }; break;
                case ("engine", "--rounds"): engine = engine with { Rounds = value }; break;
                case ("api", "--rate"): api = api with { Rate = value }; break;
                case ("api", "--duration"): api = api with { Duration = TimeSpan.FromSeconds(value) }; break;
                case ("api", "--get-rate"): api = api with { GetRate = value }; break;
                case ("api", "--get-duration"): api = api with { GetDuration = TimeSpan.FromSeconds(value) }; break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown option {args[i]} for {mode}.\n{Usage}");
                    return 2;
            }
        }

        if (mode == "engine")
        {
            await EngineBenchmark.RunAsync(engine, CancellationToken.None);
        }
        else
        {
            await ApiBenchmark.RunAsync(api, CancellationToken.None);
        }

        return 0;
    }
}

/// <summary><see cref="Instances"/> per round; each round is timed between two ceiling measurements.</summary>
internal sealed record EngineBenchmarkSettings(int Instances = 500, int Concurrency = 16, int ScheduledTimers = 100_000, int Rounds = 3);

/// <summary>Submits at <see cref="Rate"/> per second for <see cref="Duration"/>, then reads at <see cref="GetRate"/>
/// per second for <see cref="GetDuration"/>.</summary>
internal sealed record ApiBenchmarkSettings(int Rate, TimeSpan Duration, int GetRate, TimeSpan GetDuration)
{
    public ApiBenchmarkSettings()
        : this(50, TimeSpan.FromSeconds(20), 50, TimeSpan.FromSeconds(10))
    {
    }
}
