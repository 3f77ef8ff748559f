using System.Text.Json;
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
    private const string At = "At";
    private const string Parked = "parked";
    private const string Pending = "pending";

    // Table Storage keeps DateTime at 100 ns precision in UTC; keep offsets at zero so values compare equal.
    public static TableEntity State(string instanceId, string storedState, long version, long nextSequence)
    {
        var entity = new TableEntity(instanceId, RowKeys.Stored(instanceId, RowKeys.State)) { [Version] = version, [NextSequence] = nextSequence };
        PayloadColumns.Write(entity, storedState);
        return entity;
    }

    public static (string? StoredState, long Version, long NextSequence) ReadState(TableEntity entity) =>
        (PayloadColumns.Read(entity), entity.GetInt64(Version) ?? 0, entity.GetInt64(NextSequence) ?? 1);

    public static TableEntity Event(string instanceId, long sequence, DateTimeOffset at, string type, string storedDetail)
    {
        var entity = new TableEntity(instanceId, RowKeys.Stored(instanceId, RowKeys.Event(sequence))) { [At] = at, [Type] = type };
        PayloadColumns.Write(entity, storedDetail);
        return entity;
    }

    public static RecordedEvent ReadEvent(TableEntity entity, IPayloadProtector protector)
    {
        var key = RowKeys.InPartition(entity.PartitionKey, entity.RowKey)
            ?? throw new WorkflowStateUnreadableException(entity.PartitionKey, $"event row '{entity.RowKey}' is not in this runtime's row layout.", null);
        var sequence = long.Parse(key.AsSpan(RowKeys.EventPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonSerializer.Deserialize<EventBody>(protector.Unprotect(PayloadColumns.Read(entity) ?? "{}"), WorkflowJson.Options)
            ?? new EventBody("system", null);
        return new RecordedEvent(sequence, entity.GetDateTimeOffset(At) ?? default, entity.GetString(Type) ?? "",
            body.Actor, body.Detail ?? new Dictionary<string, string?>());
    }

    public static string ProtectEvent(WorkflowEvent workflowEvent, IPayloadProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(new EventBody(workflowEvent.Actor, workflowEvent.Detail), WorkflowJson.Options));

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

    private sealed record EventBody(string Actor, IReadOnlyDictionary<string, string?>? Detail);
}
