using System.ComponentModel.DataAnnotations;

namespace Referrals.Functions.Coordination;

/// <summary>How the per-referral coordinator retries (configuration section "Coordinator").</summary>
public sealed class CoordinatorOptions
{
    public const string SectionName = "Coordinator";

    /// <summary>Attempts of an effect within one cycle (Durable retry policy) before its attempts are counted
    /// against the effect's budget (Workflow:EffectMaxAttempts) and it waits with backoff in Table Storage.</summary>
    [Range(1, 10)]
    public int EffectAttempts { get; set; } = 3;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1.0, 10.0)]
    public double BackoffCoefficient { get; set; } = 2;

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How overdue an index row must be before the safety sweep wakes its referral: the coordinator's own
    /// durable timer should have fired well before.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    public EffectRetrySettings EffectRetry => new(EffectAttempts, FirstRetryInterval, BackoffCoefficient, MaxRetryInterval);
}
