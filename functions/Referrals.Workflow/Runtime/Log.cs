using Microsoft.Extensions.Logging;

namespace Referrals.Workflow.Runtime;

/// <summary>The runtime's log messages. Ids, types and reasons only: never a payload.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Effect {EffectType}/{EffectId} of instance {InstanceId} failed (attempt {Attempt}): {Reason}; retrying in {Delay}")]
    public static partial void EffectRetrying(ILogger logger, string instanceId, string effectType, string effectId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Warning, "Effect {EffectType}/{EffectId} of instance {InstanceId} parked after {Attempts} attempt(s): {Reason}")]
    public static partial void EffectParked(ILogger logger, string instanceId, string effectType, string effectId, int attempts, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Effect handler for {EffectType}/{EffectId} of instance {InstanceId} threw {ExceptionType}")]
    public static partial void EffectHandlerThrew(ILogger logger, string instanceId, string effectType, string effectId, string exceptionType);

    [LoggerMessage(4, LogLevel.Warning, "Follow-up of effect {EffectId} of instance {InstanceId} was rejected ({Kind}): {Reason}")]
    public static partial void FollowUpRejected(ILogger logger, string instanceId, string effectId, RejectionKind kind, string reason);

    [LoggerMessage(5, LogLevel.Error, "Follow-up of effect {EffectId} of instance {InstanceId} is a {FollowUpType}, not a command of this workflow; ignored")]
    public static partial void FollowUpNotACommand(ILogger logger, string instanceId, string effectId, string followUpType);

    [LoggerMessage(6, LogLevel.Warning, "Dispatch message {MessageId} moved to the poison queue (dequeued {DequeueCount} times): {Reason}")]
    public static partial void MessagePoisoned(ILogger logger, string messageId, long dequeueCount, string reason);

    [LoggerMessage(7, LogLevel.Error, "Dispatching instance {InstanceId} failed; the message will be delivered again")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(8, LogLevel.Error, "Firing timer {Kind} of instance {InstanceId} failed; the next sweep tries again")]
    public static partial void TimerFireFailed(ILogger logger, Exception exception, string instanceId, string kind);

    [LoggerMessage(9, LogLevel.Warning, "Receiving dispatch messages failed; backing off for {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(10, LogLevel.Warning, "The timer sweep failed; the next sweep tries again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Timer index row {Bucket}/{RowKey} is malformed; deleted")]
    public static partial void MalformedIndexRow(ILogger logger, string bucket, string rowKey);

    [LoggerMessage(12, LogLevel.Warning, "Timer {Kind} of instance {InstanceId} was rejected by the decider ({RejectionKind}): {Reason}")]
    public static partial void TimerRejected(ILogger logger, string instanceId, string kind, RejectionKind rejectionKind, string reason);

    [LoggerMessage(13, LogLevel.Error, "Dispatch after the commit of instance {InstanceId} failed; its recovery message will retry")]
    public static partial void ImmediateDispatchFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(14, LogLevel.Debug, "Concurrent write on instance {InstanceId}; deciding again (attempt {Attempt})")]
    public static partial void ConflictRetry(ILogger logger, string instanceId, int attempt);
}
