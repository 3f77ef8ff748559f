using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Testing;

namespace Referrals.Benchmarks;

/// <summary>
/// Issue 6's API targets: open-loop submits at a fixed rate (p99 under 100 ms at 50/s), then open-loop reads of
/// single referrals (under 30 ms), against the real app in this process on Kestrel and its own Azurite. Requests
/// go over loopback HTTP from a plain HttpClient in the same process, so client and server share the CPUs.
/// </summary>
internal static class ApiBenchmark
{
    private const int WarmUpRequests = 20;
    private const int StorageRoundTrips = 200;

    public static async Task RunAsync(ApiBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        // With the Durable group in a process of its own, the task hub's storage yields the CPU as that process does.
        var hub = settings.StorageAccounts == 2
            ? new AzuriteFixture { Niceness = settings.Processes == 2 ? BenchmarkApp.CoordinationNiceness : 0 }
            : azurite;
        try
        {
            if (hub != azurite)
            {
                await hub.InitializeAsync();
            }

            await using var app = new BenchmarkApp(azurite.ConnectionString, hub.ConnectionString, settings.Processes);
            await app.StartAsync(cancellationToken);
            using var tally = new StorageTally(azurite.TablePort, azurite.QueuePort, hub.TablePort, hub.QueuePort);
            await RunAsync(app, azurite, hub, tally, settings, cancellationToken);
        }
        finally
        {
            if (hub != azurite)
            {
                await hub.DisposeAsync();
            }

            await azurite.DisposeAsync();
        }
    }

    private static async Task RunAsync(BenchmarkApp app, AzuriteFixture azurite, AzuriteFixture hub, StorageTally tally, ApiBenchmarkSettings settings,
        CancellationToken cancellationToken)
    {
        using var scout = await ClientForAsync(app.BaseUrl, new { role = "scout", subject = "scout-bench", org = "helpdesk-de" }, cancellationToken);
        using var coordinator = await ClientForAsync(app.BaseUrl, new { role = "coordinator", subject = "coordinator-bench" }, cancellationToken);
        var body = SubmitBody(app.Services.GetRequiredService<TimeProvider>());
        var run = Guid.NewGuid().ToString("N")[..8];
        var loadBefore = LoadAverage();

        var warmUpIds = new string?[WarmUpRequests];
        for (var i = 0; i < WarmUpRequests; i++)
        {
            if (!await SubmitAsync(scout, body, $"warmup-{run}-{i}", warmUpIds, i, cancellationToken)
                || !await GetAsync(coordinator, warmUpIds[i]!, cancellationToken))
            {
                throw new InvalidOperationException($"Warm-up request {i} did not answer as expected; see the app's errors above.");
            }
        }

        var ids = new string?[(int)Math.Round(settings.Rate * settings.Duration.TotalSeconds)];
        tally.Enabled = true;
        var probes = ProbeAsync(app, scout, azurite, hub, settings.Duration, cancellationToken);
        var submits = await OpenLoop.RunAsync(settings.Rate, settings.Duration,
            (i, token) => SubmitAsync(scout, body, $"load-{run}-{i}", ids, i, token), cancellationToken);
        var probed = await probes;

        // The submits' coordination runs in the background; the reads are measured after it settles.
        var draining = Stopwatch.StartNew();
        var settled = await app.WaitForDurableHostIdleAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(8), cancellationToken)
            && await tally.WaitForQuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(8) - draining.Elapsed, cancellationToken);
        var drained = draining.Elapsed;
        var submitStorage = tally.Snapshot();
        tally.Reset();

        var submitted = ids.OfType<string>().Concat(warmUpIds.OfType<string>()).ToArray();
        var gets = await OpenLoop.RunAsync(settings.GetRate, settings.GetDuration,
            (i, token) => GetAsync(coordinator, submitted[i % submitted.Length], token), cancellationToken);
        tally.Enabled = false;
        var getStorage = tally.Snapshot();
        var upsert = await StorageRoundTripAsync(azurite, cancellationToken);
        var loadAfter = LoadAverage();

        var result = new
        {
            submitRate = settings.Rate,
            storageAccounts = settings.StorageAccounts,
            processes = settings.Processes,
            submitP50Ms = submits.P(0.50),
            submitP99Ms = submits.P(0.99),
            submitErrors = submits.Errors,
            getP50Ms = gets.P(0.50),
            getP99Ms = gets.P(0.99),
            getErrors = gets.Errors,
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Public API load, open loop (app in-process on Kestrel over loopback; Azurite: a process per service, tables in memory, queues in files; Release)
                      requests  rate/s  elapsed s  p50 ms  p90 ms  p99 ms  max ms  errors
              submit  {submits.SortedMs.Count,8}  {submits.Rate,6}  {submits.Elapsed.TotalSeconds,9:F1}  {submits.P(0.50),6}  {submits.P(0.90),6}  {submits.P(0.99),6}  {submits.Max,6}  {submits.Errors,6}
              get     {gets.SortedMs.Count,8}  {gets.Rate,6}  {gets.Elapsed.TotalSeconds,9:F1}  {gets.P(0.50),6}  {gets.P(0.90),6}  {gets.P(0.99),6}  {gets.Max,6}  {gets.Errors,6}
              during the submits, 10/s each: {string.Join("; ", probed.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} p50 {p.Result.P(0.50)} p99 {p.Result.P(0.99)} ms")))}
              one Azurite upsert, sequential, for scale: p50 {upsert.P(0.50)} ms, p99 {upsert.P(0.99)} ms
              targets: submit p99 < 100 ms at 50/s; get < 30 ms. Latency counts from each request's scheduled start.
              task hub {(settings.StorageAccounts == 2 ? "on its own Azurite (--storage-accounts 2)" : "and app tables on one Azurite")}; {(settings.Processes == 2 ? "HTTP functions in this process, Durable functions and timers in a second local host (--processes 2)" : "every function in this process")}
              load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}; {Environment.ProcessorCount} CPU(s)
              the coordination of the submits {(settled ? "settled" : "was still running")} {drained.TotalSeconds:F1} s after the last submit (no storage request but queue polls and leases for 3 s{(settings.Processes == 2 ? ", and the second host under 5 % CPU for 3 s; its storage requests are not in the counts below" : "")})
            storage requests per submitted referral, request and background effects: {PerRequest(submitStorage, submits.SortedMs.Count)}
            {Breakdown(submitStorage, submits.SortedMs.Count)}
            storage requests per read: {PerRequest(getStorage, gets.SortedMs.Count)}
            {Breakdown(getStorage, gets.SortedMs.Count)}
            """));
        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    private static string PerRequest(IReadOnlyList<(string Operation, int Count)> counts, int requests) =>
        (counts.Sum(c => c.Count) / (double)Math.Max(1, requests)).ToString("F2", CultureInfo.InvariantCulture);

    private static string Breakdown(IReadOnlyList<(string Operation, int Count)> counts, int requests) =>
        string.Join(Environment.NewLine, counts.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"  {c.Count / (double)Math.Max(1, requests),6:F2}  {c.Operation}")));

    /// <summary>While the submits run: a request the app answers without storage, and a point read on each Azurite
    /// table process, sent straight from this process, so a slow submit can be placed in the app or in storage.</summary>
    private static async Task<(string Name, LoadResult Result)[]> ProbeAsync(BenchmarkApp app, HttpClient caller, AzuriteFixture azurite,
        AzuriteFixture hub, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Rate = 10;
        var appTable = azurite.TableService().GetTableClient("probe");
        await appTable.CreateIfNotExistsAsync(cancellationToken);
        var hubTable = hub.TableService().GetTableClient("probe");
        await hubTable.CreateIfNotExistsAsync(cancellationToken);
        var probes = new (string Name, Func<int, CancellationToken, Task<bool>> Send)[]
        {
            ("app GET /api/mscs", async (_, token) =>
            {
                using var response = await caller.GetAsync(new Uri("/api/mscs", UriKind.Relative), token);
                await response.Content.LoadIntoBufferAsync(token);
                return response.IsSuccessStatusCode;
            }),
            ("app tables' Azurite point read", async (_, token) =>
                !(await appTable.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: token)).HasValue),
            ("task hub's Azurite point read", async (_, token) =>
                !(await hubTable.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: token)).HasValue),
        };
        var results = await Task.WhenAll(probes.Select(probe => OpenLoop.RunAsync(Rate, duration, probe.Send, cancellationToken)));
        return [.. probes.Zip(results, (probe, result) => (probe.Name, result))];
    }

    /// <summary>The latency of one table upsert on its own, measured right after the load, so the API figures can be
    /// read as multiples of a storage round trip.</summary>
    private static async Task<LoadResult> StorageRoundTripAsync(AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("roundtrip"));
        await table.CreateAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var latencies = new List<double>(StorageRoundTrips);
        for (var i = 0; i < StorageRoundTrips; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await table.UpsertEntityAsync(new TableEntity("p", i.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        return new LoadResult(0, latencies, 0, stopwatch.Elapsed);
    }

    private static async Task<bool> SubmitAsync(HttpClient scout, string body, string key, string?[] ids, int index,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await scout.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is not { } location)
        {
            return false;
        }

        ids[index] = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
        return true;
    }

    private static async Task<bool> GetAsync(HttpClient coordinator, string id, CancellationToken cancellationToken)
    {
        using var response = await coordinator.GetAsync(new Uri($"/api/referrals/{id}", UriKind.Relative), cancellationToken);
        // Read the whole body, as a real caller would.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<HttpClient> ClientForAsync(Uri baseUrl, object caller, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        using var response = await client.PostAsJsonAsync("/dev/token", caller, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>One valid referral as API.md shows it (fictional returnee), dated by the app's clock; every submit
    /// sends it under its own Idempotency-Key, so each creates a referral.</summary>
    private static string SubmitBody(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new JsonObject
        {
            ["returnee"] = new JsonObject
            {
                ["givenName"] = "Milan",
                ["familyName"] = "Primerović",
                ["dateOfBirth"] = "1985-06-15",
                ["gender"] = "male",
                ["phone"] = "+4915112345678",
                ["preferredLanguage"] = "sr-Latn",
            },
            ["household"] = new JsonObject { ["adults"] = 1, ["minors"] = 2 },
            ["expectedReturnDate"] = now.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["arrivalPoint"] = "BEG",
            ["municipality"] = "Niš",
            ["needs"] = new JsonArray("employment", "documents"),
            ["vulnerabilities"] = new JsonArray(),
            ["priority"] = "normal",
            ["consent"] = new JsonObject
            {
                ["dataSharing"] = true,
                ["sms"] = true,
                ["obtainedAt"] = now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["method"] = "signedForm",
                ["textVersion"] = "2026-1",
            },
            ["notes"] = "Benchmark referral.",
        }.ToJsonString();
    }

    /// <summary>The 1, 5 and 15 minute load averages, where the OS publishes them (Linux).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "n/a";
}
