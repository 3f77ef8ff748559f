using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.App.Hosting;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>The real app in memory with settings given per test, a <see cref="RecordingWorkflowEngine"/> in place
/// of the runtime, and optionally a digest job.</summary>
internal sealed class HostingAppFactory(
    string environment,
    IReadOnlyDictionary<string, string?> settings,
    IDailyDigestJob? digestJob = null) : WebApplicationFactory<Program>
{
    public RecordingWorkflowEngine Engine { get; } = new();

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The runtime's own pollers would drive the real engine; these tests drive the recording one.
            var runtimeServices = services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
                && descriptor.ImplementationType?.Assembly == typeof(IWorkflowEngine).Assembly).ToList();
            foreach (var descriptor in runtimeServices)
            {
                services.Remove(descriptor);
            }

            services.AddSingleton<IWorkflowEngine>(Engine);
            services.AddSingleton<IWorkflowCatchUp>(Engine);
            services.AddSingleton(digestJob ?? new NoDailyDigestJob());
        });
    }
}
