using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Logging;
using Referrals.Workflow.Runtime;

namespace Referrals.Workflow;

/// <summary>How the <see cref="QueueServiceClient"/> the runtime uses must be configured.</summary>
public static class WorkflowQueueClientOptions
{
    /// <summary>
    /// Base64 message encoding (what the Azure Functions queue trigger decodes), and a decoding-failure handler: a
    /// message that is not Base64 would otherwise make every receive of the queue throw, so it is copied to
    /// "&lt;queue&gt;-poison" and deleted, the way the Functions host does.
    /// </summary>
    public static QueueClientOptions UseWorkflowMessageEncoding(this QueueClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageEncoding = QueueMessageEncoding.Base64;
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is not { } message)
            {
                return;
            }

            var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + "-poison");
            await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
            await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: args.CancellationToken);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
            if (logger is not null)
            {
                Log.MessagePoisoned(logger, message.MessageId, message.DequeueCount, "the message is not Base64");
            }
        };
        return options;
    }
}
