using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// The wake-ups of committed commands that are still under way. A command's answer does not wait for its
/// coordinator to be woken (the engine's storage may be busy with other referrals' work), so the wake-up runs on
/// after it. Nothing is lost if it never finishes: the commit's wake marker falls due and the safety sweep wakes the
/// instance. At shutdown the host gives the ones under way its stop timeout, then abandons them to their markers.
/// </summary>
public sealed class PendingWakeUps : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>Cancelled when the host stops before the wake-ups under way have finished.</summary>
    public CancellationToken Abandoned => _abandon.Token;

    public int Count => _running.Count;

    public void Track(Task wakeUp)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        if (wakeUp.IsCompleted)
        {
            return;
        }

        _running.TryAdd(wakeUp, 0);
        // Wake-ups log their own failures; an abandoned one ends cancelled, which is expected at shutdown.
        wakeUp.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every wake-up started so far has finished (tests, shutdown).</summary>
    public async Task WhenAllDoneAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenAllDoneAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
        }
    }

    public void Dispose() => _abandon.Dispose();
}
