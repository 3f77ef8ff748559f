using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>The app in-process against a real Azurite, with its own tables, in Development unless told otherwise.
/// </summary>
public sealed class ApiFactory(AzuriteFixture azurite, string environment = "Development",
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Api:Tables:Projections", AzuriteFixture.UniqueName("views"));
        builder.UseSetting("Api:Tables:Audit", AzuriteFixture.UniqueName("audit"));
        builder.UseSetting("Api:Tables:ReturneePhones", AzuriteFixture.UniqueName("phones"));
        builder.UseSetting("Workflow:TableName", AzuriteFixture.UniqueName("wf"));
        builder.UseSetting("Workflow:TimerIndexTableName", AzuriteFixture.UniqueName("wftimers"));
        builder.UseSetting("Workflow:ParkedTableName", AzuriteFixture.UniqueName("wfparked"));
        builder.UseSetting("Workflow:DispatchQueueName", AzuriteFixture.UniqueName("wfdispatch"));
        builder.UseIsolatedProviders();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the app and creates the workflow's tables and queue.</summary>
    public async Task StartAsync()
    {
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

    private sealed record TokenBody(string AccessToken);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "api";
}
