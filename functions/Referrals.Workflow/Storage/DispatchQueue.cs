using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace Referrals.Workflow.Storage;

/// <summary>
/// The dispatch queue. A message is <c>{"instanceId":"…"}</c>; the registered <see cref="QueueServiceClient"/> is
/// expected to use Base64 message encoding, which is what the Azure Functions queue trigger decodes.
/// </summary>
internal sealed class DispatchQueue(QueueServiceClient queues, IOptions<WorkflowOptions> options)
{
    /// <summary>A queue message can stay hidden at most seven days; later work is chained.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    // Messages must outlive their own visibility delay: never expire.
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.DispatchQueueName);
    private readonly QueueClient _poison = queues.GetQueueClient(options.Value.DispatchQueueName + "-poison");

    public QueueClient Queue => _queue;

    public QueueClient Poison => _poison;

    public static string Format(string instanceId) => JsonSerializer.Serialize(new DispatchMessage(instanceId), WorkflowJson.Options);

    /// <summary>The instance a message names, or null with the reason when it is garbage.</summary>
    public static string? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the message is empty";
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<DispatchMessage>(text, WorkflowJson.Options);
            if (message?.InstanceId is not { } instanceId)
            {
                problem = "the message has no instanceId";
                return null;
            }

            RowKeys.Validate(instanceId, "instanceId");
            return instanceId;
        }
        catch (JsonException)
        {
            problem = "the message is not a JSON object";
        }
        catch (ArgumentException exception)
        {
            problem = exception.Message;
        }

        return null;
    }

    public static TimeSpan ClampDelay(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;

    public async Task<DispatchTicket> SendAsync(string instanceId, TimeSpan delay, CancellationToken cancellationToken)
    {
        var receipt = await _queue.SendMessageAsync(Format(instanceId), ClampDelay(delay), NeverExpire, cancellationToken);
        return new DispatchTicket(receipt.Value.MessageId, receipt.Value.PopReceipt);
    }

    public async Task DeleteAsync(DispatchTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.DeleteMessageAsync(ticket.MessageId, ticket.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already handled by someone else (it surfaced and was received).
        }
    }

    /// <summary>Hides the message until more work is due; false when it is gone or was received meanwhile.</summary>
    public async Task<bool> RescheduleAsync(DispatchTicket ticket, string instanceId, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.UpdateMessageAsync(ticket.MessageId, ticket.PopReceipt, Format(instanceId), ClampDelay(delay), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    public async Task<QueueMessage[]> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await _queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibilityTimeout, cancellationToken);
        return response.Value;
    }

    public Task DeleteReceivedAsync(QueueMessage message, CancellationToken cancellationToken) =>
        DeleteAsync(new DispatchTicket(message.MessageId, message.PopReceipt), cancellationToken);

    /// <summary>Moves a message aside: a copy goes to the poison queue, then the original is deleted.</summary>
    public async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.SendMessageAsync(message.Body, timeToLive: NeverExpire, cancellationToken: cancellationToken);
        await DeleteReceivedAsync(message, cancellationToken);
    }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    private sealed record DispatchMessage(string? InstanceId);
}

/// <summary>A sent dispatch message, so the sender can delete or reschedule it.</summary>
internal sealed record DispatchTicket(string MessageId, string PopReceipt);
