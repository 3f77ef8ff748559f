namespace Referrals.Workflow;

/// <summary>
/// The stored state of one instance cannot be read (corrupt JSON, a key the protector no longer has). Other instances
/// are unaffected; callers map it to a server error naming the instance, never to "not found".
/// </summary>
public sealed class WorkflowStateUnreadableException : Exception
{
    public WorkflowStateUnreadableException()
    {
    }

    public WorkflowStateUnreadableException(string message)
        : base(message)
    {
    }

    public WorkflowStateUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkflowStateUnreadableException(string instanceId, string problem, Exception? innerException)
        : base($"The stored state of workflow instance '{instanceId}' cannot be read: {problem}", innerException)
    {
        InstanceId = instanceId;
    }

    public string? InstanceId { get; }
}
