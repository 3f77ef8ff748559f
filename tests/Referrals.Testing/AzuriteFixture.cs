using Xunit;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Referrals.Testing;

/// <summary>
/// A real Azurite (the npm package pinned in package.json) on free ports, in memory unless a data folder is given.
/// Share one per test class or collection; isolate tests with <see cref="UniqueName"/> table and queue names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account; not a secret.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _dataDirectory;
    private ExternalProcess? _process;
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
        var arguments = new List<string>
        {
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (_dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_dataDirectory);
            arguments.AddRange(["--location", _dataDirectory]);
        }

        _process = ExternalProcess.Start(RepositoryPaths.NodeBin("azurite"), arguments);
        await _process.WaitForPortAsync(TablePort, TimeSpan.FromSeconds(30));
        await _process.WaitForPortAsync(QueuePort, TimeSpan.FromSeconds(30));
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
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
