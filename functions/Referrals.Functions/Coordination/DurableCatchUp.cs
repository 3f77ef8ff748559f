using Referrals.Workflow;

namespace Referrals.Functions.Coordination;

/// <summary>
/// The development clock's catch-up: wakes every referral with an index row due by now, waits until each woken
/// referral settled (in-process signals, no status polling), then tidies the index; again while the tidy-up finds
/// work still undone (a referral that was mid-cycle when woken).
/// </summary>
public sealed class DurableCatchUp(
    IWorkflowCoordination coordination,
    IInstanceWaker waker,
    ICoordinationSignals signals,
    TimeProvider time) : IWorkflowCatchUp
{
    private const int MaxRounds = 20;

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = time.GetUtcNow();
            foreach (var referralId in await coordination.FindDueAsync(now, cancellationToken))
            {
                signals.Expect(referralId, 0, now);
                await waker.EnsureRunningAsync(referralId, cancellationToken);
            }

            await signals.WhenAllSettledAsync(cancellationToken);
            var undone = await coordination.SweepAsync(now, cancellationToken);
            if (undone.Count == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Referrals still had due work after {MaxRounds} catch-up rounds.");
    }
}
