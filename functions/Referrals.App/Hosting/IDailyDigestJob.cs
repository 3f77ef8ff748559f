namespace Referrals.App.Hosting;

/// <summary>The periodic digest (overdue deadlines per MSC, …), run by the DailyDigest timer function every 15
/// minutes; the job decides itself whether a digest is due.</summary>
public interface IDailyDigestJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
