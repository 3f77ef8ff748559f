namespace Referrals.Workflow.Storage;

/// <summary>One outbox row (keyed within its partition): an effect to perform.</summary>
internal sealed record OutboxItem(
    string Key,
    string Type,
    string EffectId,
    string? StoredPayload,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    bool Parked,
    string? LastError)
{
    public bool IsDue(DateTimeOffset now) => !Parked && (NextAttemptAt is null || NextAttemptAt <= now);

    public PendingEffect ToPendingEffect() =>
        new(EffectId, Type, Parked ? EffectStatus.Parked : EffectStatus.Pending, Attempts, Parked ? null : NextAttemptAt,
            LastError);
}
