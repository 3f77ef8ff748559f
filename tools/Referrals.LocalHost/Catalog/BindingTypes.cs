namespace Referrals.LocalHost.Catalog;

/// <summary>The binding types the local host runs: exactly those the Functions app uses.</summary>
public static class BindingTypes
{
    public const string HttpTrigger = "httpTrigger";
    public const string HttpOutput = "http";
    public const string TimerTrigger = "timerTrigger";
    public const string OrchestrationTrigger = "orchestrationTrigger";
    public const string ActivityTrigger = "activityTrigger";
    public const string DurableClient = "durableClient";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        HttpTrigger, HttpOutput, TimerTrigger, OrchestrationTrigger, ActivityTrigger, DurableClient,
    };
}
