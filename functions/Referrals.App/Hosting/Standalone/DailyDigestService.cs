using Microsoft.Extensions.Options;

namespace Referrals.App.Hosting.Standalone;

/// <summary>Standalone mode's stand-in for the DailyDigest timer trigger: runs <see cref="IDailyDigestJob"/> on the
/// same interval (<see cref="HostingOptions.DailyDigestInterval"/>), on the process's clock.</summary>
internal sealed partial class DailyDigestService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<HostingOptions> options,
    ILogger<DailyDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DailyDigestInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IDailyDigestJob>().RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again, as the timer trigger would.
                Log.DigestFailed(logger, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The daily digest job failed; it runs again at the next interval.")]
        public static partial void DigestFailed(ILogger logger, Exception exception);
    }
}
