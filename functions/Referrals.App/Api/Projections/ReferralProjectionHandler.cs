using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Referrals.App.Api.Reports;
using Referrals.App.Api.Storage;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.App.Api.Projections;

/// <summary>
/// Performs <see cref="ReferralEffects.UpdateProjection"/>: writes the referral's summary row into each list
/// partition it belongs to and removes it from the MSC partition it left (reassignment, out-of-area rejection).
/// Older revisions never overwrite newer ones, so redelivery and reordering are harmless. The first revision is
/// written without reading: no row can exist before it, and a redelivered one finds its row and compares. The same
/// effect writes the referral's report row (<see cref="ReportColumns"/>), under the same guard; a report-only
/// projection (SMS delivery changed, nothing listed did) writes that row alone. The returnee's name goes only into
/// the organisation's row, encrypted with the app's <see cref="IPayloadProtector"/>.
/// </summary>
public sealed class ReferralProjectionHandler(ApiTables tables, IPayloadProtector protector) : IEffectHandler
{
    // A referral's first decision (its submission) is revision 1.
    private const long FirstRevision = 1;

    // The revision guard makes a write after a fresh read safe, so a lost race is retried here at once.
    private const int ConcurrentWriteAttempts = 3;

    public string EffectType => ReferralEffects.UpdateProjection;

    // Only this app's tables, a few point writes: performed right after the commit that asks for it.
    public bool PerformsInline => true;

    public async Task<EffectOutcome> HandleAsync(EffectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var projection = context.Effect.PayloadAs<ReferralProjection>();
        var table = await tables.ProjectionsAsync(cancellationToken);
        var rowKey = ProjectionPartitions.RowKey(projection.SubmittedAt, projection.Id);

        var first = projection.Revision <= FirstRevision;
        if (projection.ReportOnly)
        {
            return projection.Report is { } facts
                && !await WriteAsync(table, ReportColumns.ToEntity(rowKey, projection, facts), first, cancellationToken)
                ? EffectOutcome.Retry("A concurrent projection update; trying again.")
                : EffectOutcome.Done();
        }

        var previousMsc = first ? null : await PreviousMscAsync(table, rowKey, cancellationToken);

        var rows = new List<TableEntity>
        {
            ProjectionColumns.ToEntity(ProjectionPartitions.ForOrganisation(projection.Organisation), rowKey, projection,
                ProtectName(projection.Returnee)),
        };
        if (projection.MscId is not null)
        {
            rows.Add(ProjectionColumns.ToEntity(ProjectionPartitions.ForMsc(projection.MscId), rowKey, projection));
        }

        if (projection.Report is { } report)
        {
            rows.Add(ReportColumns.ToEntity(rowKey, projection, report));
        }

        // "all" last: it records which MSC partition the referral is in, so it moves only after the others did.
        rows.Add(ProjectionColumns.ToEntity(ProjectionPartitions.All, rowKey, projection));
        foreach (var row in rows)
        {
            if (!await WriteAsync(table, row, first, cancellationToken))
            {
                return EffectOutcome.Retry("A concurrent projection update; trying again.");
            }
        }

        if (previousMsc is not null && !string.Equals(previousMsc, projection.MscId, StringComparison.Ordinal))
        {
            await DeleteIfOlderAsync(table, ProjectionPartitions.ForMsc(previousMsc), rowKey, projection.Revision,
                cancellationToken);
        }

        return EffectOutcome.Done();
    }

    private string? ProtectName(ProjectedName? name) =>
        name is null ? null : protector.Protect(JsonSerializer.Serialize(name, ProjectedNameJson.Options));

    private static async Task<string?> PreviousMscAsync(TableClient table, string rowKey, CancellationToken cancellationToken)
    {
        var previous = await table.GetEntityIfExistsAsync<TableEntity>(ProjectionPartitions.All, rowKey,
            cancellationToken: cancellationToken);
        return previous.HasValue ? previous.Value!.GetString(ProjectionColumns.MscId) : null;
    }

    /// <summary>Writes the row unless a newer revision is there, reading again after a concurrent write a few times
    /// (a referral's projections race when its effects finish together); false when the row kept changing.</summary>
    /// <param name="likelyNew">Try to add the row first, reading only when it turns out to exist.</param>
    private static async Task<bool> WriteAsync(TableClient table, TableEntity entity, bool likelyNew, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ConcurrentWriteAttempts; attempt++)
        {
            if (await TryWriteAsync(table, entity, likelyNew && attempt == 0, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<bool> TryWriteAsync(TableClient table, TableEntity entity, bool likelyNew, CancellationToken cancellationToken)
    {
        if (likelyNew)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Redelivered: compare with what is there.
            }
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey,
            cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else if (existing.Value!.GetInt64(ProjectionColumns.Revision) < entity.GetInt64(ProjectionColumns.Revision))
            {
                await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    private static async Task DeleteIfOlderAsync(TableClient table, string partition, string rowKey, long revision,
        CancellationToken cancellationToken)
    {
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetInt64(ProjectionColumns.Revision) < revision)
        {
            try
            {
                await table.DeleteEntityAsync(partition, rowKey, existing.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Gone already, or rewritten by a newer revision that routed it back here: both are fine.
            }
        }
    }
}
