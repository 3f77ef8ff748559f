using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Referrals.Contracts;
using Referrals.App.Api.Storage;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.App.Api.Projections;

/// <summary>Reads one page of referral summaries from a single list partition, with optional filters.</summary>
public sealed class ReferralListQuery(ApiTables tables, TimeProvider time, IPayloadProtector protector)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A page, or null when <paramref name="continuationToken"/> is not one this API handed out.</summary>
    /// <param name="withNames">Decrypt the returnee's name (only organisation partitions hold one; scouts only).</param>
    public async Task<ReferralListPage?> ReadAsync(string partition, ReferralStatus? status, bool overdueOnly,
        string? mscId, string? continuationToken, int pageSize, CancellationToken cancellationToken,
        bool withNames = false)
    {
        string? storageToken = null;
        if (continuationToken is not null && !TryDecode(continuationToken, out storageToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var filter = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (status is { } s)
        {
            filter.Add(TableClient.CreateQueryFilter($"Status eq {ProjectionColumns.Camel(s)}"));
        }

        if (overdueOnly)
        {
            // An open deadline past its due time is overdue whether or not its timer has fired yet.
            filter.Add(TableClient.CreateQueryFilter($"NextDeadlineDueAt lt {now}"));
        }

        if (mscId is not null)
        {
            filter.Add(TableClient.CreateQueryFilter($"MscId eq {mscId}"));
        }

        var table = await tables.ProjectionsAsync(cancellationToken);
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(string.Join(" and ", filter), pageSize,
                cancellationToken: cancellationToken).AsPages(storageToken, pageSize))
            {
                return new ReferralListPage(
                    [.. page.Values.Select(row => ToSummary(row, now, withNames))],
                    page.ContinuationToken is { } next ? Encode(next) : null);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 400 && storageToken is not null)
        {
            return null;
        }

        return new ReferralListPage([], null);
    }

    private ReferralSummaryRow ToSummary(TableEntity row, DateTimeOffset now, bool withNames)
    {
        NextDeadlineRow? next = null;
        if (row.GetString(ProjectionColumns.NextDeadlineKind) is { } kind
            && row.GetDateTimeOffset(ProjectionColumns.NextDeadlineDueAt) is { } dueAt)
        {
            var state = row.GetString(ProjectionColumns.NextDeadlineState) ?? "pending";
            next = new NextDeadlineRow(kind, dueAt, state == "pending" && dueAt < now ? "overdue" : state);
        }

        return new ReferralSummaryRow(
            row.GetString(ProjectionColumns.Id) ?? string.Empty,
            row.GetString(ProjectionColumns.Status) ?? string.Empty,
            row.GetString(ProjectionColumns.MscId),
            row.GetString(ProjectionColumns.Priority) ?? string.Empty,
            row.GetString(ProjectionColumns.Municipality) ?? string.Empty,
            row.GetString(ProjectionColumns.ExpectedReturnDate) ?? string.Empty,
            next,
            row.GetDateTimeOffset(ProjectionColumns.SubmittedAt),
            row.GetDateTimeOffset(ProjectionColumns.AcknowledgeBy),
            row.GetDateTimeOffset(ProjectionColumns.AcknowledgedAt),
            withNames && row.GetString(ProjectionColumns.ReturneeName) is { } stored
                ? JsonSerializer.Deserialize<ProjectedName>(protector.Unprotect(stored), ProjectedNameJson.Options)
                : null);
    }

    // The storage token is wrapped so clients treat it as opaque and a tampered one is recognised.
    private static string Encode(string storageToken) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1 " + storageToken));

    private static bool TryDecode(string token, out string? storageToken)
    {
        storageToken = null;
        if (token.Length > 2048)
        {
            return false;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        // Storage tokens are "{nextPartitionKey} {nextRowKey}" in printable ASCII.
        if (!text.StartsWith("v1 ", StringComparison.Ordinal) || text.Length == 3
            || text.AsSpan(3).Count(' ') != 1 || text.AsSpan(3).ContainsAnyExceptInRange(' ', '~'))
        {
            return false;
        }

        storageToken = text[3..];
        return true;
    }
}

/// <summary>One page: summaries and the token for the next page (null on the last).</summary>
public sealed record ReferralListPage(IReadOnlyList<ReferralSummaryRow> Items, string? ContinuationToken);

/// <summary>A list row; the members after <see cref="NextDeadline"/> are null in rows written before they existed.
/// </summary>
public sealed record ReferralSummaryRow(string Id, string Status, string? MscId, string Priority, string Municipality,
    string ExpectedReturnDate, NextDeadlineRow? NextDeadline, DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? AcknowledgeBy = null, DateTimeOffset? AcknowledgedAt = null, ProjectedName? Returnee = null);

public sealed record NextDeadlineRow(string Kind, DateTimeOffset DueAt, string State);
