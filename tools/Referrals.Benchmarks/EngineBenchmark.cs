using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow;

namespace Referrals.Benchmarks;

/// <summary>
/// Drives reference-workflow instances through submit → two effects → expiry timer against a real Azurite and
/// reports throughput, storage requests per instance (counted by an SDK pipeline policy), commit latency, the cost
/// of a sweep with nothing due among many scheduled timers, and the raw upsert ceiling measured in the same run.
/// </summary>
internal static class EngineBenchmark
{
    private const int WarmUpInstances = 20;
    private const int CeilingUpserts = 2000;

    public static async Task RunAsync(EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await RunAsync(azurite, settings, cancellationToken);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RunAsync(AzuriteFixture azurite, EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var names = ReferenceRuntime.UniqueOptions();
        await using var runtime = await ReferenceRuntime.StartAsync(azurite.ConnectionString, names, clock,
            o => o.DispatchConcurrency = settings.Concurrency, cancellationToken: cancellationToken);

        await DriveAsync(runtime, clock, "warmup", WarmUpInstances, settings.Concurrency, cancellationToken);
        runtime.Requests.Reset();
        var stopwatch = Stopwatch.StartNew();
        var latencies = await DriveAsync(runtime, clock, "order", settings.Instances, settings.Concurrency, cancellationToken);
        stopwatch.Stop();
        var requests = runtime.Requests.Count;
        await VerifyAsync(runtime, settings.Instances, cancellationToken);

        var sweepRequests = await MeasureEmptySweepAsync(azurite, runtime, clock, names, settings, cancellationToken);
        var upsertsPerSecond = await MeasureUpsertCeilingAsync(azurite, settings.Concurrency, cancellationToken);

        var instancesPerSecond = settings.Instances / stopwatch.Elapsed.TotalSeconds;
        var requestsPerInstance = (double)requests / settings.Instances;
        latencies.Sort();
        var result = new
        {
            instancesPerSecond = Math.Round(instancesPerSecond, 1),
            storageRequestsPerInstance = Math.Round(requestsPerInstance, 2),
            p50CommitMs = Math.Round(Latencies.Percentile(latencies, 0.50), 2),
            p99CommitMs = Math.Round(Latencies.Percentile(latencies, 0.99), 2),
            sweepRequestsNoneDue = sweepRequests,
            ceilingInstancesPerSecond = Math.Round(upsertsPerSecond / requestsPerInstance, 1),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Workflow engine benchmark (Azurite in memory, Release)
              instances            {settings.Instances} (submit -> 2 effects with follow-ups -> expiry timer fired), concurrency {settings.Concurrency}
              elapsed              {stopwatch.Elapsed.TotalSeconds:F2} s -> {instancesPerSecond:F1} instances/s
              storage requests     {requests} -> {requestsPerInstance:F2} per instance (target <= 10)
              commit latency       p50 {result.p50CommitMs} ms, p99 {result.p99CommitMs} ms (ExecuteAsync of the submit)
              sweep, none due      {sweepRequests} request(s) with {settings.ScheduledTimers} timers scheduled (target <= 3)
              raw upsert ceiling   {upsertsPerSecond:F0} upserts/s -> {result.ceilingInstancesPerSecond} instances/s at {requestsPerInstance:F2} requests each
              throughput / ceiling {instancesPerSecond / result.ceilingInstancesPerSecond:P0} (target >= 50%)
            """));
        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    /// <summary>Submits every instance (measuring each commit), waits for the effects, then moves the clock past
    /// the expiry and fires every timer.</summary>
    private static async Task<List<double>> DriveAsync(ReferenceRuntime runtime, FakeTimeProvider clock, string prefix, int count,
        int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await runtime.Client.ExecuteAsync(Id(prefix, i), new PlaceOrder("Tea", TimeSpan.FromHours(1)), token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!result.Applied)
            {
                throw new InvalidOperationException($"Submit {i} was rejected: {result.Rejection}");
            }

            lock (latencies)
            {
                latencies.Add(elapsed);
            }
        });
        await runtime.Engine.RunUntilIdleAsync(cancellationToken);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await runtime.Engine.RunUntilIdleAsync(cancellationToken);
        return latencies;
    }

    private static async Task VerifyAsync(ReferenceRuntime runtime, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var state = await runtime.Client.GetStateAsync(Id("order", i), cancellationToken);
            if (state is not { Status: OrderStatus.Expired } || state.Notified.Count != 2)
            {
                throw new InvalidOperationException($"Instance {Id("order", i)} did not finish: {state}");
            }
        }
    }

    /// <summary>Schedules many timers in the index (100-row batches per minute bucket), then counts the requests of
    /// one sweep at a time when none of them is due.</summary>
    private static async Task<long> MeasureEmptySweepAsync(AzuriteFixture azurite, ReferenceRuntime runtime, FakeTimeProvider clock,
        WorkflowOptions names, EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var index = azurite.TableService().GetTableClient(names.TimerIndexTableName);
        var now = clock.GetUtcNow();
        var buckets = (settings.ScheduledTimers + 99) / 100;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, buckets), parallel, async (bucket, token) =>
        {
            var due = now.AddDays(1).AddMinutes(bucket);
            var partition = due.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
            var rows = Math.Min(100, settings.ScheduledTimers - (bucket * 100));
            await index.SubmitTransactionAsync(Enumerable.Range(0, rows).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partition, $"scheduled-{bucket}-{i}|expiry|t") { ["DueAt"] = due })), token);
        });

        runtime.Requests.Reset();
        var sweep = await runtime.Engine.SweepAsync(cancellationToken);
        if (sweep.Fired + sweep.Stale != 0)
        {
            throw new InvalidOperationException("A sweep with nothing due fired something.");
        }

        return runtime.Requests.Count;
    }

    private static async Task<double> MeasureUpsertCeilingAsync(AzuriteFixture azurite, int concurrency, CancellationToken cancellationToken)
    {
        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("ceiling"));
        await table.CreateAsync(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), parallel, async (i, token) =>
            await table.UpsertEntityAsync(new TableEntity("warmup", i.ToString(CultureInfo.InvariantCulture)), cancellationToken: token));
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, CeilingUpserts), parallel, async (i, token) =>
            await table.UpsertEntityAsync(new TableEntity($"p{i}", "r") { ["Value"] = i }, cancellationToken: token));
        return CeilingUpserts / stopwatch.Elapsed.TotalSeconds;
    }

    private static string Id(string prefix, int i) => $"{prefix}-{i.ToString("D6", CultureInfo.InvariantCulture)}";
}
