namespace Referrals.App.Hosting;

/// <summary>Who delivers the triggers: the process itself, or the Azure Functions host.</summary>
public enum HostingMode
{
    /// <summary>Hosted services in this process poll the dispatch queue and sweep timers.</summary>
    Standalone,

    /// <summary>The Azure Functions host owns the triggers and invokes this process over HTTP.</summary>
    CustomHandler,
}
