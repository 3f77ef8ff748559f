using Azure.Storage.Queues.Models;

namespace Referrals.Workflow.Runtime;

/// <summary>The poller's view of the engine: one received message in, handled (deleted or poisoned) or left.</summary>
internal interface IReceivedMessageHandler
{
    Task<bool> HandleReceivedAsync(QueueMessage message, CancellationToken cancellationToken);
}
