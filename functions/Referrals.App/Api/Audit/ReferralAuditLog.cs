using System.Globalization;
using Azure.Data.Tables;
using Referrals.App.Api.Storage;
using Referrals.App.Security;

namespace Referrals.App.Api.Audit;

/// <summary>
/// Who read which referral when. Changes are already on the referral's timeline with their actor; reads are
/// appended here (PartitionKey = referral id, so one referral's trail is one partition query). A read is recorded
/// before the data is returned: if the trail cannot be written, the data is not shown.
/// </summary>
public sealed class ReferralAuditLog(ApiTables tables, TimeProvider time)
{
    public async Task RecordReadAsync(string referralId, Caller caller, string action, CancellationToken cancellationToken)
    {
        var table = await tables.AuditAsync(cancellationToken);
        var at = time.GetUtcNow();
        // Ticks first so a partition query returns the trail in time order; the guid keeps rows unique.
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}-{Guid.NewGuid():N}");
        await table.AddEntityAsync(new TableEntity(referralId, rowKey)
        {
            ["At"] = at,
            ["Actor"] = caller.Subject,
            ["Role"] = caller.Role.ToName(),
            ["Action"] = action,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadsAsync(string referralId, CancellationToken cancellationToken)
    {
        var table = await tables.AuditAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == referralId,
            cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(row.GetDateTimeOffset("At") ?? row.Timestamp ?? default,
                row.GetString("Actor") ?? string.Empty, row.GetString("Role"), row.GetString("Action") ?? "read",
                AuditEntryKind.Read));
        }

        return entries;
    }
}

/// <summary>One line of a referral's audit trail: a read (from the audit table) or a change (from the timeline).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string? Role, string Action, AuditEntryKind Kind);

public enum AuditEntryKind { Read, Change }
