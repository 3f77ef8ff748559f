using Microsoft.Extensions.Hosting;

namespace Referrals.Workflow.Hosting;

/// <summary>Creates missing tables at start-up.</summary>
internal sealed class WorkflowStorageInitializer(WorkflowStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureStorageAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
