using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Referrals.App.Hosting;
using Referrals.App.Referrals.Digest;
using Referrals.App.Tests.Api;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Digest;

/// <summary>The tables one digest scenario uses; two apps given the same set share storage like two processes.</summary>
public sealed record DigestTables(string Projections, string Markers, string Prefix)
{
    public static DigestTables Unique() =>
        new(AzuriteFixture.UniqueName("views"), AzuriteFixture.UniqueName("digests"), AzuriteFixture.UniqueName("t"));
}

/// <summary>
/// The Functions app on the local host on Azurite and MailDev, with a <see cref="FakeTimeProvider"/> as its clock and without
/// its background services, so only the test decides when effects are performed and when the job runs.
/// </summary>
public sealed class DigestApp(AzuriteFixture azurite, MailDevFixture mailDev, FakeTimeProvider clock, DigestTables tables)
    : FunctionsAppHost("Development", Settings(azurite, mailDev, tables), services => Replace(services, clock))
{
    public FakeTimeProvider Clock => clock;

    private static Dictionary<string, string?> Settings(AzuriteFixture azurite, MailDevFixture mailDev, DigestTables tables)
    {
        var settings = IsolatedProviders.Settings().ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        settings["Api:Tables:Projections"] = tables.Projections;
        settings["Api:Tables:Audit"] = tables.Prefix + "audit";
        settings["Api:Tables:ReturneePhones"] = tables.Prefix + "phones";
        settings["Workflow:TableName"] = tables.Prefix + "wf";
        settings["Workflow:TimerIndexTableName"] = tables.Prefix + "wftimers";
        settings["Workflow:ParkedTableName"] = tables.Prefix + "wfparked";
        // Only the test runs the digest job, on its fake clock.
        settings["AzureWebJobs.DailyDigest.Disabled"] = "true";
        settings["Referrals:DailyDigest:TableName"] = tables.Markers;
        settings["Email:Smtp:Port"] = mailDev.SmtpPort.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    private static void Replace(IServiceCollection services, FakeTimeProvider clock)
    {
        services.AddSingleton<TimeProvider>(clock);
    }

    // Everything runs off xunit's synchronization context: with the app in-process, continuations queued behind a
    // blocked test thread stall the host's start and requests (the same remedy as the web tests' fixture).
    public new Task StartAsync() => Task.Run(async () =>
        await Services.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(CancellationToken.None));

    /// <summary>Runs the job as the timer would: in a fresh scope.</summary>
    public Task RunDigestAsync() => Task.Run(async () =>
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDailyDigestJob>().RunAsync(CancellationToken.None);
    });

    /// <summary>Submits a referral in Niš as a scout at the clock's time and performs its effects (projection rows).</summary>
    public Task<string> SubmitAsync(string priority) => Task.Run(async () =>
    {
        using var client = CreateClient();
        var token = await ApiFactory.TokenAsync(client, "scout", "scout-1", org: "caritas-nrw");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = SubmitBodies.Valid(clock);
        body["priority"] = priority;
        using var request = SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Created>();
        await Services.GetRequiredService<IWorkflowCatchUp>().CatchUpAsync(CancellationToken.None);
        return created!.Id;
    });

    /// <summary>The digest marker of an MSC for a day, or null.</summary>
    public async Task<TableEntity?> MarkerAsync(DateOnly date, string mscId)
    {
        var table = azurite.TableService().GetTableClient(tables.Markers);
        await table.CreateIfNotExistsAsync();
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(DigestMarkers.PartitionFor(date), mscId);
        return marker.HasValue ? marker.Value : null;
    }

    private sealed record Created(string Id);
}
