using Xunit;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Referrals.Testing;

/// <summary>
/// A real Azurite (the npm package pinned in package.json) on free ports: its blob, queue and table services, each in
/// its own process; tables and blobs in memory unless a data folder is given, queues always in files.
/// Share one per test class or collection; isolate tests with <see cref="UniqueName"/> table and queue names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account; not a secret.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _dataDirectory;
    private IReadOnlyList<ExternalProcess> _processes = [];
    private string? _queueDirectory;
    private static int s_counter;

    public AzuriteFixture()
    {
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    /// <summary>An Azurite that keeps data on disk in <paramref name="dataDirectory"/>, so it survives
    /// <see cref="RestartAsync"/>.</summary>
    public static AzuriteFixture OnDisk(string dataDirectory) => new(dataDirectory);

    private AzuriteFixture(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    /// <summary>A lower CPU priority for the Azurite processes (nice, 0–19); benchmarks use it for storage that in
    /// Azure would not share the machine with what they measure.</summary>
    public int Niceness { get; init; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public TableServiceClient TableService() => new(ConnectionString);

    public QueueServiceClient QueueService() => new(ConnectionString);

    /// <summary>A name valid for both tables and queues, unique in this test run (letters and digits only).</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}{Interlocked.Increment(ref s_counter)}x{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 14, 62)]
            .ToLowerInvariant();

    public async Task InitializeAsync() => await StartAsync();

    public async Task StartAsync()
    {
        // One process per service, as the services are separate in Azure: each gets its own event loop (and core),
        // so the queue service's periodic clean-up never stalls a table read.
        _queueDirectory = _dataDirectory ?? Directory.CreateTempSubdirectory("azurite-queue-").FullName;
        if (_dataDirectory is not null)
        {
            Directory.CreateDirectory(_dataDirectory);
        }

        _processes =
        [
            Start("azurite-table", "table", TablePort, InMemoryUnlessDisk()),
            Start("azurite-queue", "queue", QueuePort, ["--location", _queueDirectory]),
            Start("azurite-blob", "blob", BlobPort, InMemoryUnlessDisk()),
        ];
        await _processes[0].WaitForPortAsync(TablePort, TimeSpan.FromSeconds(30));
        await _processes[1].WaitForPortAsync(QueuePort, TimeSpan.FromSeconds(30));
        await _processes[2].WaitForPortAsync(BlobPort, TimeSpan.FromSeconds(30));
    }

    // Tables and blobs stay in memory unless a data folder was given. Queues always keep their messages in files:
    // in memory, Azurite stores each message as its own extent, and its once-a-minute clean-up of deleted messages
    // re-sorts the extent index once per message, in one run that blocks the process (tens of seconds under load).
    private IReadOnlyList<string> InMemoryUnlessDisk() =>
        _dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", _dataDirectory];

    private ExternalProcess Start(string binary, string service, int port, IReadOnlyList<string> storage)
    {
        string[] arguments =
        [
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. storage,
        ];
        return Niceness == 0
            ? ExternalProcess.Start(RepositoryPaths.NodeBin(binary), arguments)
            : ExternalProcess.Start("nice", ["-n", Niceness.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RepositoryPaths.NodeBin(binary), .. arguments]);
    }

    public async Task StopAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _processes = [];
        if (_dataDirectory is null && _queueDirectory is not null)
        {
            try
            {
                Directory.Delete(_queueDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder; the OS cleans it up in the end.
            }

            _queueDirectory = null;
        }
    }

    /// <summary>Stops and starts Azurite on the same ports (data survives only in disk mode).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync() => await StopAsync();
}
