namespace Referrals.Workflow.Runtime;

/// <summary>
/// A short random pause before deciding again after a concurrent write, so writers that collided do not collide
/// again in lockstep. It spaces storage requests in real time (not workflow time), hence no TimeProvider.
/// </summary>
internal static class ConflictBackoff
{
    public static Task WaitAsync(int attempt, CancellationToken cancellationToken)
    {
#pragma warning disable CA5394 // Jitter, not security.
        var milliseconds = Random.Shared.Next(1, 1 + (5 * Math.Min(attempt, 10)));
#pragma warning restore CA5394
        return Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);
    }
}
