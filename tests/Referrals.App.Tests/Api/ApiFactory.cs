using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>The Functions app on the local host against a real Azurite, with its own tables and task hub, in
/// Development unless told otherwise. <paramref name="services"/> may replace the app's services.</summary>
public sealed class ApiFactory(AzuriteFixture azurite, string environment = "Development",
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : FunctionsAppHost(environment, Settings(azurite, settings), services)
{
    /// <summary>Starts the app and creates the workflow's tables and queue.</summary>
    public new async Task StartAsync()
    {
        await base.StartAsync();
        await Services.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(CancellationToken.None);
    }

    /// <summary>Performs every due effect (projections among them), as the dispatcher would.</summary>
    public Task RunEffectsAsync() => Services.GetRequiredService<IWorkflowCatchUp>().CatchUpAsync(CancellationToken.None);

    /// <summary>A client carrying a Development token for the given caller.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string subject, string? org = null, string? msc = null)
    {
        var client = CreateClient();
        var token = await TokenAsync(client, role, subject, org, msc);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string role, string subject, string? org = null,
        string? msc = null)
    {
        using var response = await client.PostAsJsonAsync("/dev/token", new { role, subject, org, msc });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    private static Dictionary<string, string?> Settings(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? extra)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Api:Tables:Projections"] = AzuriteFixture.UniqueName("views"),
            ["Api:Tables:Audit"] = AzuriteFixture.UniqueName("audit"),
            ["Api:Tables:ReturneePhones"] = AzuriteFixture.UniqueName("phones"),
            ["Workflow:TableName"] = AzuriteFixture.UniqueName("wf"),
            ["Workflow:TimerIndexTableName"] = AzuriteFixture.UniqueName("wftimers"),
            ["Workflow:ParkedTableName"] = AzuriteFixture.UniqueName("wfparked"),
        };
        foreach (var (key, value) in IsolatedProviders.Settings())
        {
            all[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    private sealed record TokenBody(string AccessToken);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "api";
}
