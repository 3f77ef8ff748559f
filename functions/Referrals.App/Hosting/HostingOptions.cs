namespace Referrals.App.Hosting;

/// <summary>The "Hosting" section: the trigger mode and the development controls.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>The environment variable the Functions host sets when it starts a custom handler.</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Left empty, the mode follows <see cref="CustomHandlerPortVariable"/>: CustomHandler when it is set,
    /// Standalone otherwise.</summary>
    public HostingMode? Mode { get; set; }

    /// <summary>Use the advance-able <see cref="Clock.DevelopmentClock"/> as the process's TimeProvider.
    /// Left empty, it is on in Development only.</summary>
    public bool? ControllableClock { get; set; }

    /// <summary>How long <c>POST /dev/clock/advance</c> waits for the workflow to become idle.</summary>
    public TimeSpan DevClockIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often standalone mode runs the digest job; matches the DailyDigest function's schedule.</summary>
    public TimeSpan DailyDigestInterval { get; set; } = TimeSpan.FromMinutes(15);
}
