namespace Referrals.Functions.Coordination;

/// <summary>Applies what is due for one referral and performs its effects; called only from the cycle's activity.</summary>
public interface IReferralCycle
{
    Task<CycleOutcome> ApplyAsync(DueWork work, CancellationToken cancellationToken);
}

/// <summary>Until the backend's logic moves here: nothing is due, and the referral waits for the next change.</summary>
internal sealed class NoReferralCycle : IReferralCycle
{
    public Task<CycleOutcome> ApplyAsync(DueWork work, CancellationToken cancellationToken) =>
        Task.FromResult(new CycleOutcome(NextDeadline: null, Closed: false));
}
