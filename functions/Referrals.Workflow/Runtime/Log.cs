using Microsoft.Extensions.Logging;

namespace Referrals.Workflow.Runtime;

/// <summary>The workflow's log messages. Ids, types and reasons only: never a payload.</summary>
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

    [LoggerMessage(6, LogLevel.Error, "Waking the coordinator of instance {InstanceId} after a commit failed; the safety sweep will wake it")]
    public static partial void WakeFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(7, LogLevel.Warning, "The wake marker of instance {InstanceId} was not deleted; the sweep removes it")]
    public static partial void MarkerNotDeleted(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(8, LogLevel.Information, "Effect {EffectType}/{EffectId} of instance {InstanceId} waits until {Until:O}: {Reason}")]
    public static partial void EffectWaiting(ILogger logger, string instanceId, string effectType, string effectId, DateTimeOffset until, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Index row {Bucket}/{RowKey} is malformed; deleted")]
    public static partial void MalformedIndexRow(ILogger logger, string bucket, string rowKey);

    [LoggerMessage(12, LogLevel.Warning, "Timer {Kind} of instance {InstanceId} was rejected by the decider ({RejectionKind}): {Reason}")]
    public static partial void TimerRejected(ILogger logger, string instanceId, string kind, RejectionKind rejectionKind, string reason);

    [LoggerMessage(14, LogLevel.Debug, "Concurrent write on instance {InstanceId}; deciding again (attempt {Attempt})")]
    public static partial void ConflictRetry(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(16, LogLevel.Information, "Inline effect {EffectId} of instance {InstanceId} was not performed ({ExceptionType}); the coordinator performs it")]
    public static partial void InlineEffectLeft(ILogger logger, string instanceId, string effectId, string exceptionType);

    [LoggerMessage(15, LogLevel.Warning, "Instance {InstanceId} cannot be read ({Problem}); its index rows are kept for an operator")]
    public static partial void UnreadableInstance(ILogger logger, string instanceId, string problem);
}
