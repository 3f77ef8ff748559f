using System.Collections.Concurrent;
using System.Diagnostics;

namespace Referrals.Benchmarks;

/// <summary>
/// Counts the app's requests to Azurite by operation (method, table or queue, batch), from the HttpClient activities
/// of this process, so a report can say what one referral costs in storage round trips and where they go.
/// </summary>
internal sealed class StorageTally : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;
    private readonly HashSet<int> _ports;
    private long _lastRequestAt = Stopwatch.GetTimestamp();

    public StorageTally(params int[] storagePorts)
    {
        _ports = [.. storagePorts];
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public bool Enabled { get; set; }

    public int Total => _counts.Values.Sum();

    public IReadOnlyList<(string Operation, int Count)> Snapshot() =>
        [.. _counts.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value)];

    public void Reset() => _counts.Clear();

    public void Dispose() => _listener.Dispose();

    /// <summary>Waits until no storage request but the task hub's idle traffic (queue polls, partition leases) was made
    /// for <paramref name="quiet"/>: the coordinators' work and Durable Task's episodes have settled. False when that
    /// did not happen within <paramref name="deadline"/>.</summary>
    public Task<bool> WaitForQuietAsync(TimeSpan quiet, TimeSpan deadline, CancellationToken cancellationToken) =>
        QuietPeriod.WaitAsync(() => Interlocked.Read(ref _lastRequestAt), quiet, deadline, cancellationToken);

    private void Record(Activity activity)
    {
        if (!Enabled || activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !_ports.Contains(uri.Port))
        {
            return;
        }

        var target = Describe(uri);
        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        if (!IsIdleTraffic(method, target))
        {
            Interlocked.Exchange(ref _lastRequestAt, Stopwatch.GetTimestamp());
        }

        _counts.AddOrUpdate($"{method} {target}", 1, (_, count) => count + 1);
    }

    /// <summary>What the task hub does with nothing to do: poll its queues and renew its partition leases. Anything else
    /// (a history write, a message sent, an app table touched) is work in progress.</summary>
    private static bool IsIdleTraffic(string method, string target) =>
        (method == "GET" && target.EndsWith("/messages", StringComparison.Ordinal))
        || target.StartsWith("ReferralsPartitions", StringComparison.Ordinal);

    /// <summary>"/devstoreaccount1/referrals(PartitionKey='…',RowKey='…')" becomes "referrals(entity)"; a query
    /// "referrals()?$filter" becomes "referrals(query)"; queue paths keep the queue name and "messages".</summary>
    private static string Describe(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        if (segments.Length == 0)
        {
            return "(account)";
        }

        var first = segments[0];
        var paren = first.IndexOf('(');
        if (paren >= 0)
        {
            var table = first[..paren];
            return first.EndsWith("()", StringComparison.Ordinal) ? $"{table}(query)" : $"{table}(entity)";
        }

        return segments.Length > 1 && segments[1] == "messages"
            ? segments.Length > 2 ? $"{first}/messages/(id)" : $"{first}/messages"
            : string.Join('/', segments);
    }
}
