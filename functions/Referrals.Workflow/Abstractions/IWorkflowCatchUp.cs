namespace Referrals.Workflow;

/// <summary>
/// Brings every instance up to the current time: wakes each one with work due by now and returns when that work and
/// the effects it caused are done. For the development clock and tests only; production waits for nothing.
/// </summary>
public interface IWorkflowCatchUp
{
    Task CatchUpAsync(CancellationToken cancellationToken);
}
