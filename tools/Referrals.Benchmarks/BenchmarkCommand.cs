using System.Globalization;

namespace Referrals.Benchmarks;

/// <summary>Parses the command line: <c>engine [--instances N] [--concurrency C] [--scheduled M]</c>.</summary>
internal static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "engine")
        {
            await Console.Error.WriteLineAsync("usage: bench.sh engine [--instances 500] [--concurrency 16] [--scheduled 100000]");
            return 2;
        }

        var settings = new EngineBenchmarkSettings();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                await Console.Error.WriteLineAsync($"{args[i]} needs a positive whole number.");
                return 2;
            }

            settings = args[i] switch
            {
                "--instances" => settings with { Instances = value },
                "--concurrency" => settings with { Concurrency = value },
                "--scheduled" => settings with { ScheduledTimers = value },
                _ => null!,
            };
            if (settings is null)
            {
                await Console.Error.WriteLineAsync($"Unknown option {args[i]}.");
                return 2;
            }
        }

        await EngineBenchmark.RunAsync(settings, CancellationToken.None);
        return 0;
    }
}

internal sealed record EngineBenchmarkSettings(int Instances = 500, int Concurrency = 16, int ScheduledTimers = 100_000);
