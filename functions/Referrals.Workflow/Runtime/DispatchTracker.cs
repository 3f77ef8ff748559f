using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow.Runtime;

/// <summary>
/// What this process knows about dispatch work: the in-process dispatches started after commits (so
/// <see cref="IWorkflowEngine.RunUntilIdleAsync"/> and shutdown can wait for them), and when each instance next has
/// work by the runtime's clock (queue visibility runs on real time, a development clock may run ahead of it).
/// </summary>
internal sealed class DispatchTracker(IOptions<WorkflowOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextDue = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    // In-process dispatches share the storage account with the commits that start them; bounding them keeps a burst
    // of commits from being slowed down by its own effects.
    private readonly SemaphoreSlim _slots = new(options.Value.InProcessDispatchConcurrency);

    /// <summary>Cancelled when the runtime is disposed; in-process dispatches stop (their recovery message stays).</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void Track(Func<CancellationToken, Task> work)
    {
        var stopping = _stopping.Token;
        var task = Task.Run(async () =>
        {
            await _slots.WaitAsync(stopping);
            try
            {
                await work(stopping);
            }
            finally
            {
                _slots.Release();
            }
        }, CancellationToken.None);
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public int InFlight => _inFlight.Count;

    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
        }
    }

    /// <param name="onlyEarlier">Keep a known earlier time (and never forget the instance): the caller saw only
    /// part of the instance's work.</param>
    public void SetNextDue(string instanceId, DateTimeOffset? due, bool onlyEarlier = false)
    {
        if (due is { } at)
        {
            _nextDue.AddOrUpdate(instanceId, at, (_, known) => onlyEarlier && known < at ? known : at);
        }
        else if (!onlyEarlier)
        {
            _nextDue.TryRemove(instanceId, out _);
        }
    }

    public IReadOnlyList<string> DueBy(DateTimeOffset now) =>
        _nextDue.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList();

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }
}
