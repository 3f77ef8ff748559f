using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SubmissionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite);
    private HttpClient _scout = null!;

    private TimeProvider Time => _factory.Services.GetRequiredService<TimeProvider>();

    public async Task InitializeAsync()
    {
        await _factory.StartAsync();
        _scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");
    }

    public async Task DisposeAsync()
    {
        _scout.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Submit_creates_the_referral_routed_to_the_MSC_with_Location()
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), SubmitBodies.NewKey()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"/api/referrals/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("awaitingAcknowledgement", body.GetProperty("status").GetString());
        Assert.Equal("nis", body.GetProperty("msc").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("msc").GetProperty("name").GetString()));
        Assert.True(body.GetProperty("acknowledgeBy").GetDateTimeOffset() > Time.GetUtcNow());
    }

    [Fact]
    public async Task Submit_without_Idempotency_Key_is_400_naming_the_header()
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), null));

        await Problems.AssertValidationAsync(response, "Idempotency-Key");
    }

    [Fact]
    public async Task Submit_with_a_malformed_Idempotency_Key_is_400_naming_the_header()
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), "short"));

        await Problems.AssertValidationAsync(response, "Idempotency-Key");
    }

    [Fact]
    public async Task The_same_key_with_the_same_body_answers_the_first_result_again()
    {
        var key = SubmitBodies.NewKey();
        var json = SubmitBodies.Valid(Time).ToJsonString();
        using var first = await _scout.SendAsync(SubmitBodies.Post(json, key));
        // Same content, different formatting: the body hash is over the parsed request.
        using var second = await _scout.SendAsync(SubmitBodies.Post(JsonSerializer.Serialize(
            JsonSerializer.Deserialize<JsonElement>(json), new JsonSerializerOptions { WriteIndented = true }), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_409()
    {
        var key = SubmitBodies.NewKey();
        var body = SubmitBodies.Valid(Time);
        using var first = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), key));
        body["household"]!["minors"] = 4;

        using var second = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problems.AssertAsync(second, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_key_from_another_organisation_is_another_referral()
    {
        var key = SubmitBodies.NewKey();
        var json = SubmitBodies.Valid(Time).ToJsonString();
        using var other = await _factory.ClientForAsync("scout", "scout-9", org: "diakonie-bayern");

        using var first = await _scout.SendAsync(SubmitBodies.Post(json, key));
        using var second = await other.SendAsync(SubmitBodies.Post(json, key));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Ten_simultaneous_identical_submissions_create_exactly_one_referral()
    {
        var key = SubmitBodies.NewKey();
        var json = SubmitBodies.Valid(Time).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _scout.SendAsync(SubmitBodies.Post(json, key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new HashSet<string?>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
            response.Dispose();
        }

        var id = Assert.Single(ids)!;
        Assert.Equal(9, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        var snapshot = await _factory.Services.GetRequiredService<IWorkflowClient<Domain.Lifecycle.ReferralState,
            Domain.Lifecycle.ReferralCommand>>().GetAsync(id, CancellationToken.None);
        Assert.Single(snapshot!.Events, e => e.Type == "submitted");
    }

    [Fact]
    public async Task Personal_data_is_not_stored_in_plaintext_in_any_table()
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), SubmitBodies.NewKey()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var read = await _scout.GetAsync($"/api/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await _factory.RunEffectsAsync();

        var service = new TableServiceClient(azurite.ConnectionString);
        var workflowTable = _factory.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.TableName;
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(string.Join("|", entity.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        Assert.Contains(rows, r => r.Contains(id, StringComparison.Ordinal));
        var stored = string.Join("\n", rows);
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            tables.Add(table.Name);
        }

        Assert.Contains(workflowTable, tables);
        foreach (var secret in new[] { SubmitBodies.GivenName, SubmitBodies.FamilyName, SubmitBodies.Phone, "15112345678",
            SubmitBodies.DateOfBirth, SubmitBodies.Notes, "school enrolment" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }
}
