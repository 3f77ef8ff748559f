using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Referrals.Testing;

namespace Referrals.App.Tests;

/// <summary>
/// Settings that every app under test needs in any environment: SMS and email pointed at ports nobody listens on,
/// so a test never reaches a developer's running sandbox or MailDev. Tests that exercise SMS or email override
/// these with their own fixtures.
/// </summary>
internal static class IsolatedProviders
{
    public static IWebHostBuilder UseIsolatedProviders(this IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }

    public static IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Twilio:AccountSid"] = "AC5a4db0c0000000000000000000000000",
        ["Twilio:AuthToken"] = "isolated-test-token",
        ["Twilio:From"] = "+381115550100",
        ["Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Twilio:PublicBaseUrl"] = "http://127.0.0.1:7071",
        ["Twilio:MaxRetryAttempts"] = "0",
        ["Messaging:PublicBaseUrl"] = "http://127.0.0.1:7071",
        ["Email:Provider"] = "Smtp",
        ["Email:FromAddress"] = "referrals@nsz.example",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Referrals:Notifications:CoordinatorEmail"] = "coordinators@kirs.example",
    };
}
