namespace Referrals.App.Hosting.CustomHandler;

/// <summary>The functions declared under Functions/ (one folder per name) and their binding names.</summary>
public static class FunctionNames
{
    public const string OutboxDispatch = "OutboxDispatch";
    public const string TimerSweep = "TimerSweep";
    public const string DailyDigest = "DailyDigest";
    public const string HttpForwarder = "HttpForwarder";
    public const string Health = "Health";

    /// <summary>The queueTrigger binding of <see cref="OutboxDispatch"/>: the key under the payload's Data.</summary>
    public const string QueueMessageBinding = "message";
}
