namespace Referrals.App.Hosting;

/// <summary>The "Hosting" section: the development controls.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>Use the advance-able <see cref="Clock.DevelopmentClock"/> as the process's TimeProvider.
    /// Left empty, it is on in Development only.</summary>
    public bool? ControllableClock { get; set; }

    /// <summary>How far ahead of real time the controllable clock starts (not negative). Processes that share one
    /// task hub and one business time (the benchmark's second host) are given the same offset.</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>How long <c>POST /dev/clock/advance</c> waits for the workflow to become idle.</summary>
    public TimeSpan DevClockIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
