namespace Referrals.Workflow.Storage;

/// <summary>One outbox row: an effect to perform, or internal work (indexing a timer).</summary>
internal sealed record OutboxItem(
    string RowKey,
    string Type,
    string EffectId,
    string? StoredPayload,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    bool Parked,
    string? LastError,
    TimerIndexWork? Timer)
{
    public const string TimerIndexType = "~timerIndex";

    public bool IsDue(DateTimeOffset now) => !Parked && (NextAttemptAt is null || NextAttemptAt <= now);

    public PendingEffect ToPendingEffect() =>
        new(EffectId, Type, Parked ? EffectStatus.Parked : EffectStatus.Pending, Attempts, Parked ? null : NextAttemptAt,
            LastError);
}

/// <summary>Internal outbox work: write the global index row of a timer set by a commit.</summary>
internal sealed record TimerIndexWork(string Kind, string Token, DateTimeOffset DueAt);
