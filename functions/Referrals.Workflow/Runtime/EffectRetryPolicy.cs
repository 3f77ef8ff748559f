namespace Referrals.Workflow.Runtime;

/// <summary>Exponential backoff for failing effects, capped, but never sooner than a provider's own "retry after".</summary>
internal static class EffectRetryPolicy
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? after)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var computed = TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent)));
        return after is { } requested && requested > computed ? requested : computed;
    }
}
