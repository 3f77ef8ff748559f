using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>
/// GET of a referral and of its audit trail read the workflow table by point reads only: Azurite answers any query by
/// scanning the whole table, which the GET latency target cannot afford. Only requests made while serving those GETs
/// count (the Durable engine reads partitions in the background meanwhile).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReferralReadStorageTests : IAsyncLifetime
{
    private readonly HttpContextAccessor _http = new();
    private readonly RequestRecorder _recorder;
    private readonly ApiFactory _factory;
    private HttpClient _scout = null!;
    private HttpClient _coordinator = null!;

    public ReferralReadStorageTests(AzuriteFixture azurite)
    {
        _recorder = new RequestRecorder(_http);
        var options = new TableClientOptions();
        options.AddPolicy(_recorder, HttpPipelinePosition.PerRetry);
        _factory = new ApiFactory(azurite, services: services =>
        {
            services.AddSingleton<IHttpContextAccessor>(_http);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
        });
    }

    public async Task InitializeAsync()
    {
        await _factory.StartAsync();
        _scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");
        _coordinator = await _factory.ClientForAsync("coordinator", "coord-1");
    }

    public async Task DisposeAsync()
    {
        _scout.Dispose();
        _coordinator.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Get_and_audit_read_the_referral_with_two_point_reads_and_no_query()
    {
        var id = await SubmitAsync();
        await _factory.RunEffectsAsync();
        var workflowTable = _factory.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.TableName;

        _recorder.Clear();
        var referral = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        var getReads = _recorder.RequestsTo(workflowTable);
        _recorder.Clear();
        var trail = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}/audit");
        var auditReads = _recorder.RequestsTo(workflowTable);

        Assert.Equal("submitted", referral.GetProperty("timeline")[0].GetProperty("type").GetString());
        Assert.True(trail.GetProperty("items").GetArrayLength() > 0);
        foreach (var reads in new[] { getReads, auditReads })
        {
            Assert.Equal(2, reads.Count);
            Assert.All(reads, read =>
            {
                Assert.Equal("GET", read.Method);
                Assert.DoesNotContain("$filter", read.Query, StringComparison.Ordinal);
                Assert.Contains("RowKey=", read.Path, StringComparison.Ordinal);
            });
        }
    }

    private async Task<string> SubmitAsync()
    {
        var body = SubmitBodies.Valid(_factory.Services.GetRequiredService<TimeProvider>(), "nis");
        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private sealed record Recorded(string Method, string Path, string Query);

    /// <summary>Records the storage requests made while serving an HTTP request to a referral.</summary>
    private sealed class RequestRecorder(IHttpContextAccessor http) : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<Recorded> _requests = new();

        public void Clear() => _requests.Clear();

        /// <summary>Requests to <paramref name="table"/>: a point read addresses "table(PartitionKey=…,RowKey=…)", a
        /// query "table()".</summary>
        public List<Recorded> RequestsTo(string table) =>
            [.. _requests.Where(r => r.Path.Contains("/" + table + "(", StringComparison.Ordinal))];

        public override void OnSendingRequest(HttpMessage message)
        {
            if (http.HttpContext?.Request.Path.StartsWithSegments("/api/referrals", StringComparison.Ordinal) == true)
            {
                var uri = message.Request.Uri.ToUri();
                _requests.Enqueue(new Recorded(message.Request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath),
                    Uri.UnescapeDataString(uri.Query)));
            }
        }
    }
}
