using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Workflow.Runtime;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Hosting;

/// <summary>Standalone mode: receives dispatch messages and handles them, backing off while the queue is empty
/// or storage is unreachable (the next receive simply tries again, nothing is cached).</summary>
internal sealed class DispatchQueuePoller(
    DispatchQueue queue,
    IReceivedMessageHandler handler,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<DispatchQueuePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.DispatchPollMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await queue.ReceiveAsync(settings.DispatchConcurrency, settings.DispatchVisibilityTimeout, stoppingToken);
                if (messages.Length > 0)
                {
                    delay = settings.DispatchPollMinDelay;
                    await Parallel.ForEachAsync(messages,
                        new ParallelOptions { MaxDegreeOfParallelism = settings.DispatchConcurrency, CancellationToken = stoppingToken },
                        async (message, token) => await handler.HandleReceivedAsync(message, token));
                    continue;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, exception, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.DispatchPollMaxDelay.Ticks));
        }
    }
}
