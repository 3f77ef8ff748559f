using System.Globalization;
using Referrals.Testing;

namespace Referrals.LocalHost.Tests;

/// <summary>
/// Settings the Functions app's services need to pass their start-up validation (run with
/// <c>--environment Development</c>, which supplies local defaults for the rest). SMS and email point at ports
/// nobody listens on.
/// </summary>
internal static class AppSettings
{
    public static Dictionary<string, string?> Valid(string storageConnectionString) => new()
    {
        ["Storage:ConnectionString"] = storageConnectionString,
        ["Twilio:AccountSid"] = "AC5a4db0c0000000000000000000000000",
        ["Twilio:AuthToken"] = "local-host-tests-token",
        ["Twilio:From"] = "+381115550100",
        ["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Twilio:PublicBaseUrl"] = "http://127.0.0.1:7071",
        ["Messaging:PublicBaseUrl"] = "http://127.0.0.1:7071",
        ["Email:Provider"] = "Smtp",
        ["Email:FromAddress"] = "referrals@nsz.example",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Referrals:Notifications:CoordinatorEmail"] = "coordinators@kirs.example",
    };
}
