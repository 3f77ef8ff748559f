using Microsoft.Extensions.DependencyInjection;
using Referrals.App.Hosting;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>
/// The Functions app on the local host with settings given per test, a <see cref="RecordingCatchUp"/> in place of
/// the coordinator's catch-up, and optionally a digest job. The Durable engine keeps <paramref name="durableStorage"/>
/// (Azurite) even when a test points the app's own storage elsewhere.
/// </summary>
internal sealed class FunctionsHostingAppFactory(
    string environment,
    IReadOnlyDictionary<string, string?> settings,
    string durableStorage,
    IDailyDigestJob? digestJob = null)
    : FunctionsAppHost(environment, WithDurableStorage(settings, durableStorage), services => Replace(services, digestJob))
{
    public RecordingCatchUp CatchUp => (RecordingCatchUp)Services.GetRequiredService<IWorkflowCatchUp>();

    /// <summary>Settings for an app on <paramref name="storageConnectionString"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(string storageConnectionString, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = storageConnectionString };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The settings other components require outside Development (which gives them local defaults).</summary>
    public static (string Key, string? Value)[] ProductionRequirements { get; } =
    [
        ("Auth:Authority", "https://login.example/referrals-tests/v2.0"),
        ("Auth:Audience", "api://referrals-tests"),
        ("Encryption:Keys:test1", Convert.ToBase64String(new byte[32])),
        ("Encryption:ActiveKeyId", "test1"),
        ("Encryption:BlindIndexKey", Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray())),
        ("Encryption:ReferralIdKey", Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray())),
        ("Messaging:PublicBaseUrl", "https://referrals.example"),
        ("Email:Provider", "Smtp"),
        ("Email:FromAddress", "referrals@nsz.example"),
        ("Email:Smtp:Host", "127.0.0.1"),
        ("Email:Smtp:Port", "1025"),
        ("Twilio:AccountSid", "AC00000000000000000000000000000000"),
        ("Twilio:AuthToken", "hosting-tests-token"),
        ("Twilio:From", "+381115550199"),
        ("Twilio:PublicBaseUrl", "https://referrals.example"),
        ("Referrals:Notifications:CoordinatorEmail", "coordinators@kirs.example"),
    ];

    private static Dictionary<string, string?> WithDurableStorage(IReadOnlyDictionary<string, string?> settings, string storage) =>
        new(settings) { ["AzureWebJobsStorage"] = storage };

    private static void Replace(IServiceCollection services, IDailyDigestJob? digestJob)
    {
        services.AddSingleton<IWorkflowCatchUp>(new RecordingCatchUp());
        services.AddSingleton(digestJob ?? new NoDailyDigestJob());
    }
}

/// <summary>Records the development clock's calls to catch up; each call's behaviour can be replaced to make it hang.</summary>
internal sealed class RecordingCatchUp : IWorkflowCatchUp
{
    private int _runs;

    public int Runs => _runs;

    public Func<CancellationToken, Task> OnCatchUp { get; set; } = _ => Task.CompletedTask;

    public Task CatchUpAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return OnCatchUp(cancellationToken);
    }
}
