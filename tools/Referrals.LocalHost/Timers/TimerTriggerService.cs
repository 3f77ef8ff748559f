using Cronos;
using Microsoft.Azure.Functions.Worker;
using Referrals.LocalHost.Catalog;

namespace Referrals.LocalHost.Timers;

/// <summary>Runs every timer-triggered function on its CRON schedule (UTC, seconds first), one run at a time.</summary>
internal sealed partial class TimerTriggerService(
    FunctionCatalog catalog, IServiceProvider services, TimeProvider time, ILogger<TimerTriggerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.OfKind(FunctionKind.Timer).Select(function => RunScheduleAsync(function, stoppingToken)));

    private async Task RunScheduleAsync(LocalFunction function, CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(function.Schedule!, CronFormat.IncludeSeconds);
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var following = schedule.GetNextOccurrence(next, TimeZoneInfo.Utc);
            var timer = new TimerInfo
            {
                // Past due when this run starts after the next one should already have started.
                IsPastDue = following is { } upcoming && time.GetUtcNow() > upcoming,
                ScheduleStatus = new ScheduleStatus
                {
                    Last = (last ?? next).UtcDateTime,
                    Next = following?.UtcDateTime ?? DateTime.MaxValue,
                    LastUpdated = time.GetUtcNow().UtcDateTime,
                },
            };
            last = next;
            await RunOnceAsync(function, timer, stoppingToken);
        }
    }

    private async Task RunOnceAsync(LocalFunction function, TimerInfo timer, CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await FunctionInvoker.InvokeAsync(function, new Invocation(scope.ServiceProvider, stoppingToken) { Timer = timer });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // As in the Functions host, a failed run is logged and the schedule goes on.
            TimerFunctionFailed(logger, exception, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void TimerFunctionFailed(ILogger logger, Exception exception, string function);
}
