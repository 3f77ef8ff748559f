using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.App.Hosting;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>
/// <see cref="HostingAppFactory"/>'s counterpart for the Functions app on the local host: settings given per test,
/// a <see cref="RecordingWorkflowEngine"/> in place of the runtime, optionally a digest job. The Durable engine
/// keeps <paramref name="durableStorage"/> (Azurite) even when a test points the app's own storage elsewhere.
/// </summary>
internal sealed class FunctionsHostingAppFactory(
    string environment,
    IReadOnlyDictionary<string, string?> settings,
    string durableStorage,
    IDailyDigestJob? digestJob = null)
    : FunctionsAppHost(environment, WithDurableStorage(settings, durableStorage), services => Replace(services, digestJob))
{
    public RecordingWorkflowEngine Engine => (RecordingWorkflowEngine)Services.GetRequiredService<IWorkflowEngine>();

    private static Dictionary<string, string?> WithDurableStorage(IReadOnlyDictionary<string, string?> settings, string storage) =>
        new(settings) { ["AzureWebJobsStorage"] = storage };

    private static void Replace(IServiceCollection services, IDailyDigestJob? digestJob)
    {
        // The runtime's own pollers would drive the real engine; these tests drive the recording one.
        var runtimeServices = services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.Assembly == typeof(IWorkflowEngine).Assembly).ToList();
        foreach (var descriptor in runtimeServices)
        {
            services.Remove(descriptor);
        }

        var engine = new RecordingWorkflowEngine();
        services.AddSingleton<IWorkflowEngine>(engine);
        services.AddSingleton<IWorkflowCatchUp>(engine);
        services.AddSingleton(digestJob ?? new NoDailyDigestJob());
    }
}
