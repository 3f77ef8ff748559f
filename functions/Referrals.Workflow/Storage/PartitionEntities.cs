using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>Maps the rows of an instance partition to and from table entities (stored keys: <see cref="RowKeys.Stored"/>).</summary>
internal static class PartitionEntities
{
    private const string Version = "Version";
    private const string NextSequence = "NextSequence";
    private const string Type = "Type";
    private const string Attempts = "Attempts";
    private const string NextAttemptAt = "NextAttemptAt";
    private const string Status = "Status";
    private const string LastError = "LastError";
    private const string DueAt = "DueAt";
    private const string Token = "Token";
    private const string TimelinePage = "TimelinePage";
    private const string TimelinePageProperties = "TimelinePageProperties";
    private const string TimelinePageChars = "TimelinePageChars";
    private const string Parked = "parked";
    private const string Pending = "pending";

    // Table Storage keeps DateTime at 100 ns precision in UTC; keep offsets at zero so values compare equal.
    public static TableEntity State(string instanceId, string storedState, long version, long nextSequence, TimelineCursor timeline)
    {
        var entity = new TableEntity(instanceId, RowKeys.Stored(instanceId, RowKeys.State))
        {
            [Version] = version,
            [NextSequence] = nextSequence,
            [TimelinePage] = timeline.Page,
            [TimelinePageProperties] = timeline.Properties,
            [TimelinePageChars] = timeline.Chars,
        };
        PayloadColumns.Write(entity, storedState);
        return entity;
    }

    public static StoredStateRow ReadState(TableEntity entity) =>
        new(PayloadColumns.Read(entity), entity.GetInt64(Version) ?? 0, entity.GetInt64(NextSequence) ?? 1,
            new TimelineCursor(entity.GetInt32(TimelinePage) ?? 0, entity.GetInt32(TimelinePageProperties) ?? 0,
                entity.GetInt32(TimelinePageChars) ?? 0));

    /// <summary>An empty timeline page row, to fill with the events a commit merges into it.</summary>
    public static TableEntity TimelinePageRow(string instanceId, int page) =>
        new(instanceId, RowKeys.Stored(instanceId, RowKeys.TimelinePage(page)));

    public static TableEntity Outbox(string instanceId, OutboxItem item)
    {
        var entity = new TableEntity(instanceId, RowKeys.Stored(instanceId, item.Key))
        {
            [Type] = item.Type,
            [Attempts] = item.Attempts,
            [Status] = item.Parked ? Parked : Pending,
        };
        if (item.NextAttemptAt is { } next)
        {
            entity[NextAttemptAt] = next;
        }

        if (item.LastError is not null)
        {
            entity[LastError] = item.LastError;
        }

        if (item.StoredPayload is not null)
        {
            PayloadColumns.Write(entity, item.StoredPayload);
        }

        return entity;
    }

    /// <param name="entity">The stored row.</param>
    /// <param name="key">Its key within the partition.</param>
    public static OutboxItem ReadOutbox(TableEntity entity, string key) =>
        new(key, entity.GetString(Type) ?? "", key[RowKeys.OutboxPrefix.Length..], PayloadColumns.Read(entity),
            entity.GetInt32(Attempts) ?? 0, entity.GetDateTimeOffset(NextAttemptAt),
            string.Equals(entity.GetString(Status), Parked, StringComparison.Ordinal), entity.GetString(LastError));

    public static TableEntity Timer(string instanceId, ScheduledTimer timer) =>
        new(instanceId, RowKeys.Stored(instanceId, RowKeys.Timer(timer.Kind))) { [DueAt] = timer.DueAt, [Token] = timer.Token };

    public static ScheduledTimer ReadTimer(TableEntity entity, string key) =>
        new(key[RowKeys.TimerPrefix.Length..], entity.GetDateTimeOffset(DueAt) ?? default, entity.GetString(Token) ?? "");
}

/// <summary>The state row's columns: protected state, version, next event sequence and the timeline's cursor.</summary>
internal sealed record StoredStateRow(string? StoredState, long Version, long NextSequence, TimelineCursor Timeline);
