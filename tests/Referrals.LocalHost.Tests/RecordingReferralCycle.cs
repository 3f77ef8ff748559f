using System.Collections.Concurrent;
using Referrals.Functions.Coordination;

namespace Referrals.LocalHost.Tests;

/// <summary>Stands in for the backend's cycle: records the work the activity was asked to apply.</summary>
public sealed class RecordingReferralCycle : IReferralCycle
{
    private readonly ConcurrentQueue<DueWork> _applied = new();
    private readonly ConcurrentDictionary<string, Func<DueWork, CycleOutcome>> _outcomes = new();

    public IReadOnlyCollection<DueWork> Applied => _applied;

    /// <summary>What the cycle answers for a referral (by default: nothing more is due, keep waiting).</summary>
    public void AnswerFor(string referralId, Func<DueWork, CycleOutcome> outcome) => _outcomes[referralId] = outcome;

    public Task<CycleOutcome> ApplyAsync(DueWork work, CancellationToken cancellationToken)
    {
        _applied.Enqueue(work);
        var outcome = _outcomes.TryGetValue(work.ReferralId, out var answer) ? answer(work) : new CycleOutcome(null, Closed: false);
        return Task.FromResult(outcome);
    }

    public Task<DueWork[]> WaitForAsync(string referralId, int count, TimeSpan timeout) =>
        Eventually.WaitAsync(
            () => Task.FromResult(_applied.Where(work => work.ReferralId == referralId).ToArray() is { } works && works.Length >= count ? works : null),
            timeout,
            $"{count} cycle(s) of referral {referralId}");
}
