using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Referrals.Testing;

namespace Referrals.Benchmarks;

/// <summary>
/// The Functions app on the local host (real Durable Task engine over Azurite), storage counted at the proxy in
/// front of Azurite. Phase A: a bare orchestration of K no-op activities, the ceiling, measured before and after
/// phase B, whose mean is the ceiling (the shared machine's speed drifts within minutes). Phase B: referrals end to
/// end, submit to first SMS and MSC email. Phase C: storage requests with nothing to do. One run, so the ratios
/// compare like with like.
/// </summary>
internal static class EngineBenchmark
{
    private const int WarmUpOrchestrations = 10;
    private const int WarmUpReferrals = 2;

    // After a batch, the last checkpoints (history, instance row, message deletes) still land; counted with it.
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(2);

    // Before the idle count: long enough for every queue poller to back off to its longest interval.
    private static readonly TimeSpan s_idleSettle = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_bareDeadline = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan s_settleQuiet = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan s_settleDeadline = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        await using var system = await EngineSystem.StartAsync(cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..6];
        var overhead = await MeasureProxyOverheadAsync(system, cancellationToken);

        // Phase A, the ceiling; an unmeasured batch first, so the measured one runs JIT-compiled code.
        await RunBareAsync(system, $"warmup-{run}", Math.Min(WarmUpOrchestrations, settings.Referrals), settings, cancellationToken);
        var loadBefore = LoadAverage();
        var bareBefore = await RunBareAsync(system, $"bare-{run}-a", settings.Referrals, settings, cancellationToken);

        // Phase B, referrals; a failure is reported, and the idle phase still runs.
        PhaseResult<ReferralRun>? referrals = null;
        StorageCounts? untilQuiet = null;
        ReferralRun? paced = null;
        TimeSpan? burstSettled = null;
        string? referralError = null;
        try
        {
            (referrals, var referralsBefore) = await RunReferralsAsync(system, run, settings, cancellationToken);
            // The latency a returnee sees at a steady rate the app sustains, apart from a burst's queueing: so only
            // once the burst's coordinators have finished their cycles (read models, next deadlines).
            var settling = Stopwatch.StartNew();
            burstSettled = await system.Proxy.WaitForQuietAsync(s_settleQuiet, s_settleDeadline, cancellationToken)
                ? settling.Elapsed
                : null;
            // The same referrals' storage with what their coordinators did after the first SMS and email (delivery
            // callbacks, read models, next deadlines), and the few idle polls of the quiet wait.
            untilQuiet = system.Proxy.Snapshot().Minus(referralsBefore);
            paced = await new ReferralPhase(system.BaseUrl, system.Sms, system.Mail, TimeSpan.FromSeconds(settings.DeadlineSeconds))
                .RunAsync($"paced-{run}", settings.PacedReferrals, 1, cancellationToken,
                    TimeSpan.FromMilliseconds(settings.PacedIntervalMs));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever broke, phases A and C still have figures worth reporting.
            referralError = exception is ReferralPhaseException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            await Console.Error.WriteLineAsync($"Phase B (referrals) failed: {referralError}");
        }

        var bareAfter = await RunBareAsync(system, $"bare-{run}-b", settings.Referrals, settings, cancellationToken);
        var loadAfter = LoadAverage();

        // Phase C, idle.
        await Task.Delay(s_idleSettle, cancellationToken);
        var idleBefore = system.Proxy.Snapshot();
        await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds), cancellationToken);
        var idle = system.Proxy.Snapshot().Minus(idleBefore);
        var perMinute = 60.0 / settings.IdleSeconds;

        Report(system, settings, overhead, [bareBefore, bareAfter], referrals, untilQuiet, paced, burstSettled, referralError, idle, perMinute,
            (loadBefore, loadAfter));
        return referralError is null ? 0 : 1;
    }

    private static async Task<PhaseResult<BareRun>> RunBareAsync(EngineSystem system, string prefix, int count,
        EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var before = system.Proxy.Snapshot();
        var batch = system.Bare.Expect(prefix + "-", count);
        var startedAt = new long[count];
        var started = Stopwatch.GetTimestamp();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
        {
            startedAt[i] = Stopwatch.GetTimestamp();
            await system.Durable.ScheduleNewOrchestrationInstanceAsync(BareOrchestrations.OrchestratorName, settings.Activities,
                new StartOrchestrationOptions(Id(prefix, i)), token);
        });

        try
        {
            await batch.All.WaitAsync(s_bareDeadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Only {batch.CompletedCount} of {count} bare orchestrations completed within {s_bareDeadline.TotalSeconds:0} s.");
        }

        var last = batch.CompletedAt.Values.Max();
        await WaitForCompletedRowsAsync(system, prefix, count, cancellationToken);
        await Task.Delay(s_settle, cancellationToken);
        var storage = system.Proxy.Snapshot().Minus(before);

        var latencies = Enumerable.Range(0, count)
            .Select(i => Stopwatch.GetElapsedTime(startedAt[i], batch.CompletedAt[Id(prefix, i)]).TotalMilliseconds)
            .Order().ToList();
        return new(new BareRun(count, Stopwatch.GetElapsedTime(started, last), latencies), storage);
    }

    /// <summary>The Instances rows say Completed: the final checkpoint is written, not just the last episode run.</summary>
    private static async Task WaitForCompletedRowsAsync(EngineSystem system, string prefix, int count, CancellationToken cancellationToken)
    {
        var table = system.InstancesTable();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix + "-"} and PartitionKey lt {prefix + "."}");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var completed = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RuntimeStatus"], cancellationToken: cancellationToken))
            {
                completed += row.GetString("RuntimeStatus") == "Completed" ? 1 : 0;
            }

            if (completed >= count)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Only {completed} of {count} instance rows of {prefix} say Completed after 30 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<(PhaseResult<ReferralRun> Result, StorageCounts Before)> RunReferralsAsync(EngineSystem system, string run,
        EngineBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var phase = new ReferralPhase(system.BaseUrl, system.Sms, system.Mail, TimeSpan.FromSeconds(settings.DeadlineSeconds));
        await phase.RunAsync($"warmup-{run}", Math.Min(WarmUpReferrals, settings.Referrals), settings.Concurrency, cancellationToken);
        var before = system.Proxy.Snapshot();
        var measured = await phase.RunAsync($"referral-{run}", settings.Referrals, settings.Concurrency, cancellationToken);
        await Task.Delay(s_settle, cancellationToken);
        return (new(measured, system.Proxy.Snapshot().Minus(before)), before);
    }

    /// <summary>Sequential single-entity upserts straight to Azurite and through the proxy (the median of three p50s
    /// of each, ms), so a reader can see what counting costs. Outside every phase's counts.</summary>
    private static async Task<(double Direct, double Proxied)> MeasureProxyOverheadAsync(EngineSystem system, CancellationToken cancellationToken)
    {
        const int Upserts = 200;
        var table = AzuriteFixture.UniqueName("proxyoverhead");
        var direct = new TableClient(system.Azurite.ConnectionString, table);
        var proxied = new TableClient(system.Proxy.ConnectionString, table);
        await direct.CreateAsync(cancellationToken);

        async Task<double> TimeAsync(TableClient client)
        {
            var latencies = new List<double>(Upserts);
            for (var i = 0; i < Upserts; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await client.UpsertEntityAsync(new TableEntity("p", i.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            latencies.Sort();
            return Latencies.Percentile(latencies, 0.5);
        }

        // The first of each unmeasured (connections, JIT); then alternating, so a drift in load hits both alike.
        await TimeAsync(direct);
        await TimeAsync(proxied);
        var directs = new List<double>();
        var proxieds = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            directs.Add(await TimeAsync(direct));
            proxieds.Add(await TimeAsync(proxied));
        }

        return (directs.Order().ElementAt(1), proxieds.Order().ElementAt(1));
    }

    private static void Report(EngineSystem system, EngineBenchmarkSettings settings, (double Direct, double Proxied) overhead,
        IReadOnlyList<PhaseResult<BareRun>> bares, PhaseResult<ReferralRun>? referrals, StorageCounts? untilQuiet, ReferralRun? paced,
        TimeSpan? burstSettled,
        string? referralError, StorageCounts idle,
        double perMinute, (string Before, string After) load)
    {
        var n = settings.Referrals;
        var bareRates = bares.Select(b => n / b.Run.Elapsed.TotalSeconds).ToList();
        var bareRate = bareRates.Average();
        var bareStorage = bares.Select(b => b.Storage).Aggregate((sum, next) => sum.Plus(next));
        var barePer = bareStorage.Total / (double)(n * bares.Count);
        double? referralRate = referrals is null ? null : n / referrals.Run.Elapsed.TotalSeconds;
        double? referralPer = referrals is null ? null : referrals.Storage.Total / (double)n;
        double? untilQuietPer = untilQuiet is null ? null : untilQuiet.Total / (double)n;
        double? burstP50 = referrals is null ? null : Latencies.Percentile(referrals.Run.SubmitToSmsMs, 0.50);
        double? burstP95 = referrals is null ? null : Latencies.Percentile(referrals.Run.SubmitToSmsMs, 0.95);
        double? p50 = paced is null ? null : Latencies.Percentile(paced.SubmitToSmsMs, 0.50);
        double? p95 = paced is null ? null : Latencies.Percentile(paced.SubmitToSmsMs, 0.95);
        var pacedRate = 1000.0 / settings.PacedIntervalMs;
        var idleRate = idle.Total * perMinute;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Engine benchmark: Functions app on the local host, Durable Task over Azure Storage (Azurite: a process per service, tables in memory, queues in files; Release)
              task hub {system.HubName}; N = {n}, K = {settings.Activities} activities per bare orchestration, start concurrency {settings.Concurrency}
              storage counted at a proxy in front of Azurite; one upsert p50 {overhead.Direct:F2} ms direct, {overhead.Proxied:F2} ms through it
              load average (1/5/15 min) before phase A: {load.Before}; after its second run: {load.After}; {Environment.ProcessorCount} CPU(s)
            A. bare orchestration (ceiling)  {bareRate:F1} orchestrations/s, the mean of a run before phase B and one after:
            """));
        foreach (var (bare, i) in bares.Select((b, i) => (b, i)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"     {(i == 0 ? "before" : "after ")}  {bareRates[i]:F1} orchestrations/s ({n} in {bare.Run.Elapsed.TotalSeconds:F1} s); start to completion p50 {Latencies.Percentile(bare.Run.LatenciesMs, 0.5):F0} ms, p95 {Latencies.Percentile(bare.Run.LatenciesMs, 0.95):F0} ms; {bare.Storage.Total / (double)n:F1} storage requests each"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
               storage requests {barePer:F1} per orchestration (both runs)
            {Breakdown(bareStorage, n * bares.Count)}
            """));
        if (referrals is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                B. referrals  {referralRate:F1} referrals/s ({n} in {referrals.Run.Elapsed.TotalSeconds:F1} s, first submit to last SMS or email) -> {referralRate / bareRate:P0} of the bare ceiling (target >= 50%)
                   submit to first SMS accepted by the sandbox, all {n} at once: p50 {burstP50:F0} ms, p95 {burstP95:F0} ms
                   the same at a steady {pacedRate:F1} submits/s ({settings.PacedReferrals} referrals): p50 {p50:F0} ms, p95 {p95:F0} ms (target p95 < 1000 ms)
                     started once the burst's coordinators were quiet: {(burstSettled is { } settled ? $"{settled.TotalSeconds:F1} s after its last SMS or email" : "they were still busy after 5 min")}
                   storage requests {referralPer:F1} per referral -> {referralPer / barePer:F2}x the bare orchestration's (target <= 2x)
                     until the burst's coordinators were quiet (their work after the first SMS and email too): {(untilQuietPer is { } quietPer ? $"{quietPer:F1} per referral -> {quietPer / barePer:F2}x" : "not measured")}
                {Breakdown(referrals.Storage, n)}
                """));
            if (untilQuiet is not null)
            {
                Console.WriteLine($"   until quiet, by operation:{Environment.NewLine}{Breakdown(untilQuiet, n)}");
            }
        }
        else
        {
            Console.WriteLine($"B. referrals  FAILED: {referralError}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            C. idle  {idleRate:F1} storage requests/minute over {settings.IdleSeconds} s, after {s_idleSettle.TotalSeconds:0} s to settle (target <= 60)
            {Breakdown(idle, 1 / perMinute)}
            """));

        var result = new
        {
            referralsPerSecond = Round(referralRate, 2),
            bareOrchestrationsPerSecond = Round(bareRate, 2),
            storageRequestsPerReferral = Round(referralPer, 2),
            storageRequestsPerBareOrchestration = Round(barePer, 2),
            submitToSmsP50Ms = Round(p50, 1),
            submitToSmsP95Ms = Round(p95, 1),
            submitToSmsBurstP50Ms = Round(burstP50, 1),
            submitToSmsBurstP95Ms = Round(burstP95, 1),
            pacedSubmitsPerSecond = Math.Round(pacedRate, 2),
            idleStorageRequestsPerMinute = Round(idleRate, 1),
            referrals = n,
            activities = settings.Activities,
            idleSeconds = settings.IdleSeconds,
            upsertP50MsDirect = Math.Round(overhead.Direct, 2),
            upsertP50MsThroughProxy = Math.Round(overhead.Proxied, 2),
            referralThroughputShareOfBare = Round(referralRate / bareRate, 3),
            storageRatioReferralToBare = Round(referralPer / barePer, 3),
            storageRequestsPerReferralUntilQuiet = Round(untilQuietPer, 2),
            storageRatioReferralToBareUntilQuiet = Round(untilQuietPer / barePer, 3),
            referralPhaseError = referralError,
            bareOrchestrationsPerSecondRuns = bareRates.Select(rate => Math.Round(rate, 2)).ToArray(),
            loadAverageBefore = load.Before,
            loadAverageAfter = load.After,
            bareStorageByTarget = ByTarget(bareStorage, n * bares.Count),
            referralStorageByTarget = referrals is null ? null : ByTarget(referrals.Storage, n),
            referralStorageUntilQuietByTarget = untilQuiet is null ? null : ByTarget(untilQuiet, n),
            idleStorageByTargetPerMinute = ByTarget(idle, 1 / perMinute),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    /// <summary>Requests per unit (orchestration, referral, minute) by operation, largest first.</summary>
    private static string Breakdown(StorageCounts counts, double units) =>
        string.Join(Environment.NewLine, counts.ByOperation.OrderByDescending(pair => pair.Value).Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"     {pair.Value / units,8:F2}  {pair.Key}")));

    private static Dictionary<string, double> ByTarget(StorageCounts counts, double units) =>
        counts.ByTarget().ToDictionary(pair => pair.Target, pair => Math.Round(pair.Count / units, 2));

    /// <summary>The 1, 5 and 15 minute load averages, where the OS publishes them (Linux).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    private static string Id(string prefix, int i) => $"{prefix}-{i.ToString("D6", CultureInfo.InvariantCulture)}";

    private sealed record PhaseResult<T>(T Run, StorageCounts Storage);

    /// <summary>How long all took (first start to last completion) and each one's start-to-completion in ms, sorted.</summary>
    private sealed record BareRun(int Count, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs);
}
