using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Sms.Twilio;
using Referrals.Testing;

namespace Referrals.Sms.Tests.Support;

/// <summary>The client as the App gets it: <c>AddTwilioMessaging()</c> over in-memory configuration.</summary>
internal sealed class TwilioClientHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TwilioClientHost(ServiceProvider provider) => _provider = provider;

    public TwilioMessagingClient Client => _provider.GetRequiredService<TwilioMessagingClient>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Sends through <paramref name="sandbox"/>, fast retries and no rate limit unless overridden.</summary>
    public static TwilioClientHost For(SmsSandboxFixture sandbox, Uri publicBaseUrl, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(sandbox.TwilioSettings(publicBaseUrl))
        {
            ["Twilio:RetryBaseDelay"] = "00:00:00.010",
            ["Twilio:MessagesPerSecond"] = "1000",
            ["Twilio:Burst"] = "1000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return Create(settings);
    }

    public static TwilioClientHost Create(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTwilioMessaging();
        return new TwilioClientHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
