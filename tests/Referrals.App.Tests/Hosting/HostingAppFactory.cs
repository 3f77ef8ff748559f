using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
            services.AddSingleton<IWorkflowEngine>(Engine);
            if (digestJob is not null)
            {
                services.AddSingleton(digestJob);
            }
        });
    }
}
