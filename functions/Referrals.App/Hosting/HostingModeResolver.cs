using System.Globalization;

namespace Referrals.App.Hosting;

/// <summary>Decides the hosting mode from the configured mode and the port the Functions host hands over.</summary>
public static class HostingModeResolver
{
    /// <summary>The effective mode, the loopback port to listen on in custom-handler mode (null: the configured
    /// URLs), or an error naming the settings that disagree.</summary>
    public static HostingModeDecision Resolve(HostingMode? configuredMode, string? customHandlerPort)
    {
        if (string.IsNullOrWhiteSpace(customHandlerPort))
        {
            return new HostingModeDecision(configuredMode ?? HostingMode.Standalone, null, null);
        }

        if (!int.TryParse(customHandlerPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return new HostingModeDecision(HostingMode.CustomHandler, null,
                $"{HostingOptions.CustomHandlerPortVariable} must be a TCP port number (1-65535).");
        }

        if (configuredMode == HostingMode.Standalone)
        {
            // Polling the queues here as well would race the Functions host for the same messages.
            return new HostingModeDecision(HostingMode.Standalone, port,
                $"Hosting:Mode is Standalone, but {HostingOptions.CustomHandlerPortVariable} is set: the Azure Functions " +
                "host started this process. Remove Hosting:Mode or set it to CustomHandler.");
        }

        return new HostingModeDecision(HostingMode.CustomHandler, port, null);
    }
}

/// <summary>The outcome of <see cref="HostingModeResolver.Resolve"/>.</summary>
public sealed record HostingModeDecision(HostingMode Mode, int? ListenPort, string? Error);
