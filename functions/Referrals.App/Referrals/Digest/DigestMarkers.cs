using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Referrals.App.Referrals.Digest;

/// <summary>What became of one MSC's digest for one day, as its marker row records it.</summary>
public enum DigestMarkerStatus
{
    /// <summary>A run is composing or sending it now.</summary>
    Claimed,

    /// <summary>Sent; nothing more happens that day.</summary>
    Sent,

    /// <summary>Nothing was due or overdue at the first run of the day; no email.</summary>
    NothingToSay,

    /// <summary>A transient failure; the next run claims it again.</summary>
    Released,

    /// <summary>The mail service refused it for good; left for an operator to see.</summary>
    Failed,
}

/// <summary>A run's hold on one marker row; its ETag proves nobody took the row over since.</summary>
public sealed record DigestClaim(TableClient Table, string PartitionKey, string RowKey, ETag ETag, int Attempt);

/// <summary>
/// One row per working day and MSC (<c>PartitionKey = "digest-yyyy-MM-dd"</c>, <c>RowKey = mscId</c>). Whoever adds
/// the row (an insert answered 409 means someone else did) or takes over a released or abandoned one under its
/// ETag may send, so concurrent runs in any number of processes send at most one digest per MSC and day. A process
/// that dies between sending and recording leaves a claim that another run takes over after
/// <see cref="DailyDigestOptions.ClaimLease"/>: that case, and only that, can repeat a digest (with the same
/// Message-Id, so mail systems can recognise the duplicate).
/// </summary>
public sealed class DigestMarkers(TableServiceClient service, IOptions<DailyDigestOptions> options)
{
    public const string Status = "Status";
    public const string ClaimedAt = "ClaimedAt";
    public const string Attempts = "Attempts";
    public const string FinishedAt = "FinishedAt";
    public const string Reason = "Reason";

    public static string PartitionFor(DateOnly date) =>
        "digest-" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The marker table, created if missing (one request per run, so nothing is cached).</summary>
    public async Task<TableClient> OpenAsync(CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(options.Value.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <summary>The claim, or null when another run holds it or the day's digest is settled.</summary>
    public async Task<DigestClaim?> TryClaimAsync(TableClient table, DateOnly date, string mscId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var partition = PartitionFor(date);
        try
        {
            var added = await table.AddEntityAsync(Claim(partition, mscId, now, attempt: 1), cancellationToken);
            return new DigestClaim(table, partition, mscId, added.Headers.ETag.GetValueOrDefault(), 1);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Someone claimed it first; it may still be ours to retry if they released or abandoned it.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, mscId, cancellationToken: cancellationToken);
        if (!existing.HasValue || !IsTakeable(existing.Value!, now))
        {
            return null;
        }

        var attempt = (existing.Value!.GetInt32(Attempts) ?? 1) + 1;
        try
        {
            var updated = await table.UpdateEntityAsync(Claim(partition, mscId, now, attempt), existing.Value.ETag,
                TableUpdateMode.Replace, cancellationToken);
            return new DigestClaim(table, partition, mscId, updated.Headers.ETag.GetValueOrDefault(), attempt);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return null;
        }
    }

    /// <summary>Records how the claimed digest ended; <paramref name="reason"/> must be safe to store (no address).</summary>
    public async Task FinishAsync(DigestClaim claim, DigestMarkerStatus status, string? reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var entity = new TableEntity(claim.PartitionKey, claim.RowKey)
        {
            [Status] = status.ToString(),
            [FinishedAt] = now,
            [Reason] = reason,
        };
        await claim.Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
    }

    private bool IsTakeable(TableEntity marker, DateTimeOffset now) =>
        Enum.TryParse<DigestMarkerStatus>(marker.GetString(Status), out var status) && status switch
        {
            DigestMarkerStatus.Released => true,
            DigestMarkerStatus.Claimed => marker.GetDateTimeOffset(ClaimedAt) is not { } at || at + options.Value.ClaimLease <= now,
            _ => false,
        };

    private static TableEntity Claim(string partition, string mscId, DateTimeOffset now, int attempt) =>
        new(partition, mscId)
        {
            [Status] = nameof(DigestMarkerStatus.Claimed),
            [ClaimedAt] = now,
            [Attempts] = attempt,
        };
}
