using System.Collections.Concurrent;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>An <see cref="IWorkflowEngine"/> that records what the hosting adapters ask of it; each operation's
/// behaviour can be replaced to make it fail or hang.</summary>
internal sealed class RecordingWorkflowEngine : IWorkflowEngine, IWorkflowCatchUp
{
    private int _sweeps;
    private int _idleRuns;

    public ConcurrentQueue<string> DispatchedMessages { get; } = new();

    public int Sweeps => _sweeps;

    public int IdleRuns => _idleRuns;

    public Func<string, CancellationToken, Task<DispatchResult>> OnDispatchMessage { get; set; } =
        (_, _) => Task.FromResult(new DispatchResult(1, 0, 0));

    public Func<CancellationToken, Task<SweepResult>> OnSweep { get; set; } = _ => Task.FromResult(new SweepResult(2, 1));

    public Func<CancellationToken, Task> OnRunUntilIdle { get; set; } = _ => Task.CompletedTask;

    public Task<DispatchResult> DispatchAsync(string instanceId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The hosting adapters dispatch by message.");

    public Task<DispatchResult> DispatchMessageAsync(string messageText, CancellationToken cancellationToken)
    {
        DispatchedMessages.Enqueue(messageText);
        return OnDispatchMessage(messageText, cancellationToken);
    }

    public Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sweeps);
        return OnSweep(cancellationToken);
    }

    public Task CatchUpAsync(CancellationToken cancellationToken) => RunUntilIdleAsync(cancellationToken);

    public Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _idleRuns);
        return OnRunUntilIdle(cancellationToken);
    }

    public Task<IReadOnlyList<ParkedEffect>> ListParkedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ParkedEffect>>([]);

    public Task<bool> RetryParkedAsync(string instanceId, string effectId, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
