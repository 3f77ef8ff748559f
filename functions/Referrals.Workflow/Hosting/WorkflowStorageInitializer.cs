using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Referrals.Workflow.Hosting;

/// <summary>
/// Creates missing tables at start-up. Storage that cannot be reached does not stop the host (health says so, and a
/// Functions host that failed to start would only be restarted): it tries again in the background until it succeeds.
/// </summary>
internal sealed partial class WorkflowStorageInitializer(WorkflowStorage storage, ILogger<WorkflowStorageInitializer> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Normally done before the host serves anything; only a failure moves it to the background.
        if (!await TryEnsureAsync(cancellationToken))
        {
            await base.StartAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryEnsureAsync(stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryEnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureStorageAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NotReady(logger, exception.GetType().Name, RetryDelay);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow's tables could not be created ({ExceptionType}); trying again in {Delay}")]
    private static partial void NotReady(ILogger logger, string exceptionType, TimeSpan delay);
}
