using Azure.Data.Tables;
using Referrals.App.Api.Storage;
using Referrals.Domain.Calendar;

namespace Referrals.App.Api.Reports;

/// <summary>Reads the report partition in one query (paged by storage, at most 1,000 rows a page) and computes the
/// coordinator's dashboard from it. Never reads a referral's own state.</summary>
public sealed class DashboardReport(ApiTables tables, TimeProvider time)
{
    public const int DefaultWeeks = 12;
    public const int MaxWeeks = 52;
    private const int StoragePageSize = 1000;

    private static readonly TimeZoneInfo Belgrade = TimeZoneInfo.FindSystemTimeZoneById(TimeZones.Belgrade);

    public async Task<DashboardFigures> ComputeAsync(int weeks, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(cancellationToken);
        return DashboardCalculator.Compute(rows, time.GetUtcNow(), Belgrade, weeks);
    }

    /// <summary>Every report row: one partition query, following storage's continuation.</summary>
    public async Task<IReadOnlyList<ReportRow>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.ProjectionsAsync(cancellationToken);
        var rows = new List<ReportRow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ReportColumns.Partition}"), StoragePageSize,
            ReportColumns.Selected, cancellationToken))
        {
            rows.Add(ReportColumns.FromEntity(entity));
        }

        return rows;
    }
}
