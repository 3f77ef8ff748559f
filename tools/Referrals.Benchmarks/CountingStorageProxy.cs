using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Testing;

namespace Referrals.Benchmarks;

/// <summary>
/// A reverse proxy in front of Azurite's blob, queue and table ports that counts every HTTP request it forwards,
/// by service, target (task hub table, queue or container, or the app's own) and operation. Whoever is given
/// <see cref="ConnectionString"/> is counted whatever client library it uses, the Durable Task provider included;
/// a batch is one request. Request bodies are small and buffered (a batch's body names its table); responses stream.
/// </summary>
internal sealed class CountingStorageProxy : IAsyncDisposable
{
    // Hop-by-hop headers are the proxy's own business on each side.
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Expect",
    };

    private readonly ConcurrentDictionary<StorageOperation, long> _counts = new();
    private readonly Dictionary<int, (StorageService Service, int Target)> _routes;
    private readonly HttpMessageInvoker _forwarder;
    private readonly WebApplication _app;
    private long _lastWorkAt = Stopwatch.GetTimestamp();
    private long _lastRequestAt = Stopwatch.GetTimestamp();

    private CountingStorageProxy(AzuriteFixture azurite)
    {
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
        _routes = new()
        {
            [BlobPort] = (StorageService.Blob, azurite.BlobPort),
            [QueuePort] = (StorageService.Queue, azurite.QueuePort),
            [TablePort] = (StorageService.Table, azurite.TablePort),
        };
        // Pooled keep-alive connections to Azurite, no proxy, no decompression, no redirects: bytes pass as they are.
        _forwarder = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            foreach (var port in _routes.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The task hub whose tables, queues and containers the breakdown names as such.</summary>
    public string HubName { get; set; } = "";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AzuriteFixture.AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AzuriteFixture.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AzuriteFixture.AccountName};";

    /// <summary>When the last request arrived.</summary>
    public TimeSpan SinceLastRequest => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRequestAt));

    /// <summary>Waits until nothing but idle traffic (queue polls, partition and lease upkeep) arrived for
    /// <paramref name="quiet"/>: every coordinator has finished its cycle. False when that did not happen within
    /// <paramref name="deadline"/>.</summary>
    public Task<bool> WaitForQuietAsync(TimeSpan quiet, TimeSpan deadline, CancellationToken cancellationToken) =>
        QuietPeriod.WaitAsync(() => Interlocked.Read(ref _lastWorkAt), quiet, deadline, cancellationToken);

    // What the task hub does with nothing to do: poll its queues, keep its partitions and leases.
    private static bool IsIdleTraffic(StorageOperation operation) =>
        operation.Operation == "dequeue"
        || operation.Target.EndsWith("Partitions", StringComparison.Ordinal)
        || operation.Operation.Contains("lease", StringComparison.Ordinal);

    public static async Task<CountingStorageProxy> StartAsync(AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        var proxy = new CountingStorageProxy(azurite);
        await proxy._app.StartAsync(cancellationToken);
        return proxy;
    }

    /// <summary>Every count so far; phases subtract two snapshots, so nothing is ever reset under the traffic.</summary>
    public StorageCounts Snapshot() => new(_counts.ToDictionary(pair => pair.Key, pair => pair.Value));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forwarder.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Exchange(ref _lastRequestAt, Stopwatch.GetTimestamp());
        var (service, targetPort) = _routes[context.Connection.LocalPort];
        // The raw target, not the decoded path: the request is signed over what the client sent.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = context.Request;

        byte[]? body = null;
        if (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        var operation = StorageRequestClassifier.Classify(service, request.Method, rawTarget, request.Headers, body, HubName);
        _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
        if (!IsIdleTraffic(operation))
        {
            Interlocked.Exchange(ref _lastWorkAt, Stopwatch.GetTimestamp());
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://127.0.0.1:{targetPort}{rawTarget}"));
        if (body is not null)
        {
            forward.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (s_hopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _forwarder.SendAsync(forward, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!s_hopByHop.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            if (!HttpMethods.IsHead(request.Method) && response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.NotModified))
            {
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }
}

internal enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>One kind of storage request: which service, which table/queue/container group, which operation.</summary>
internal readonly record struct StorageOperation(StorageService Service, string Target, string Operation)
{
    public override string ToString() => $"{Service.ToString().ToLowerInvariant()} {Target}: {Operation}";
}

/// <summary>Counts per kind of request at one moment; <see cref="Minus"/> gives a phase's own.</summary>
internal sealed class StorageCounts(IReadOnlyDictionary<StorageOperation, long> counts)
{
    public IReadOnlyDictionary<StorageOperation, long> ByOperation { get; } = counts;

    public long Total => ByOperation.Values.Sum();

    public StorageCounts Plus(StorageCounts other) => new(ByOperation.Keys.Union(other.ByOperation.Keys)
        .ToDictionary(key => key, key => ByOperation.GetValueOrDefault(key) + other.ByOperation.GetValueOrDefault(key)));

    public StorageCounts Minus(StorageCounts earlier) => new(ByOperation
        .Select(pair => (pair.Key, Count: pair.Value - earlier.ByOperation.GetValueOrDefault(pair.Key)))
        .Where(pair => pair.Count > 0)
        .ToDictionary(pair => pair.Key, pair => pair.Count));

    /// <summary>Totals per target ("hub History", "app table referrals", …), largest first.</summary>
    public IReadOnlyList<(string Target, long Count)> ByTarget() =>
    [
        .. ByOperation.GroupBy(pair => $"{pair.Key.Service.ToString().ToLowerInvariant()} {pair.Key.Target}")
            .Select(group => (group.Key, group.Sum(pair => pair.Value)))
            .OrderByDescending(pair => pair.Item2),
    ];
}
