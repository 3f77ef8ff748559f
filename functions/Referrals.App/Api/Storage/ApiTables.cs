using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Referrals.App.Api.Storage;

/// <summary>Table clients for the API's tables, each created on first use (once per process).</summary>
public sealed class ApiTables(TableServiceClient service, IOptions<ApiTablesOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public Task<TableClient> ProjectionsAsync(CancellationToken cancellationToken) =>
        GetAsync(options.Value.Projections, cancellationToken);

    public Task<TableClient> AuditAsync(CancellationToken cancellationToken) =>
        GetAsync(options.Value.Audit, cancellationToken);

    public Task<TableClient> ReturneePhonesAsync(CancellationToken cancellationToken) =>
        GetAsync(options.Value.ReturneePhones, cancellationToken);

    private async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed creation (storage briefly unavailable) must not stick for the life of the process.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }
}
