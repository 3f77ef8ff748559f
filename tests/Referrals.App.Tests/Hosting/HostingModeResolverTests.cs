using Referrals.App.Hosting;

namespace Referrals.App.Tests.Hosting;

public sealed class HostingModeResolverTests
{
    [Theory]
    [InlineData(null, null, HostingMode.Standalone, null)]
    [InlineData(null, "", HostingMode.Standalone, null)]
    [InlineData(HostingMode.Standalone, null, HostingMode.Standalone, null)]
    [InlineData(HostingMode.CustomHandler, null, HostingMode.CustomHandler, null)]
    [InlineData(null, "54321", HostingMode.CustomHandler, 54321)]
    [InlineData(HostingMode.CustomHandler, "7072", HostingMode.CustomHandler, 7072)]
    public void Resolve_follows_the_Functions_port_and_the_configured_mode(
        HostingMode? configured, string? port, HostingMode expectedMode, int? expectedPort)
    {
        var decision = HostingModeResolver.Resolve(configured, port);

        Assert.Equal(new HostingModeDecision(expectedMode, expectedPort, null), decision);
    }

    [Fact]
    public void Resolve_with_Standalone_configured_under_the_Functions_host_is_an_error_naming_both_settings()
    {
        var decision = HostingModeResolver.Resolve(HostingMode.Standalone, "40000");

        Assert.Contains("Hosting:Mode", decision.Error, StringComparison.Ordinal);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", decision.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80.5")]
    public void Resolve_with_a_port_that_is_not_a_port_is_an_error_naming_the_variable(string port)
    {
        var decision = HostingModeResolver.Resolve(null, port);

        Assert.Equal(HostingMode.CustomHandler, decision.Mode);
        Assert.Null(decision.ListenPort);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT", decision.Error, StringComparison.Ordinal);
    }
}
