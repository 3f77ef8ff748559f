namespace Referrals.App.Hosting;

/// <summary>The periodic digest (overdue deadlines per MSC, …). The DailyDigest timer runs it in custom-handler mode,
/// <see cref="Standalone.DailyDigestService"/> in standalone mode; the job decides itself whether a digest is due.</summary>
public interface IDailyDigestJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
