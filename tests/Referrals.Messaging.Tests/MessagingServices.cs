using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Referrals.Messaging.Tests;

/// <summary>The messaging services as the app registers them, over in-memory configuration.</summary>
internal static class MessagingServices
{
    public static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Messaging:PublicBaseUrl"] = "https://referrals.example",
        ["Email:Provider"] = "Smtp",
        ["Email:FromAddress"] = "referrals@nes.example",
        ["Email:FromName"] = "Referrals",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "5",
    };

    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddReferralMessaging();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Runs the start-up validation the host runs (every ValidateOnStart option).</summary>
    public static void ValidateStartup(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
