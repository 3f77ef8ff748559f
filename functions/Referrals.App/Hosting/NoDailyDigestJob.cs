namespace Referrals.App.Hosting;

/// <summary>The default until the referral workflow registers its own <see cref="IDailyDigestJob"/>.</summary>
internal sealed class NoDailyDigestJob : IDailyDigestJob
{
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
