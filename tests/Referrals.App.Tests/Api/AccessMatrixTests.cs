using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

/// <summary>Every endpoint × role × in/out of scope: 401 without a token, 403 for a role without the right, 404 for a
/// referral outside the caller's scope, and through to the command (200, or 409 for a status misfit) otherwise.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite);
    private HttpClient _submitter = null!;

    private sealed record Endpoint(HttpMethod Method, string Path, string? Body, params string[] Roles);

    private sealed record CallerKind(string Name, string? Role, bool InScope, string? Org = null, string? Msc = null);

    private static readonly CallerKind[] Callers =
    [
        new("anonymous", null, false),
        new("scout of the organisation", "scout", true, Org: "caritas-nrw"),
        new("scout of another organisation", "scout", false, Org: "other-org"),
        new("advisor of the MSC", "advisor", true, Msc: "nis"),
        new("advisor of another MSC", "advisor", false, Msc: "beograd"),
        new("coordinator", "coordinator", true),
    ];

    private string Today => DateOnly.FromDateTime(_factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Endpoint[] ReferralEndpoints =>
    [
        new(HttpMethod.Get, "", null, "scout", "advisor", "coordinator"),
        new(HttpMethod.Get, "/audit", null, "coordinator"),
        new(HttpMethod.Post, "/acknowledge", """{"note":"Seen."}""", "advisor"),
        new(HttpMethod.Post, "/reject", """{"reason":"duplicate","note":"Already known."}""", "advisor"),
        new(HttpMethod.Post, "/reassign", """{"msc":"kragujevac"}""", "coordinator"),
        new(HttpMethod.Patch, "", """{"returnee":{"preferredLanguage":"de"}}""", "scout"),
        new(HttpMethod.Post, "/withdraw", """{"reason":"The return was cancelled."}""", "scout"),
        new(HttpMethod.Post, "/arrival", $$"""{"arrivedOn":"{{Today}}"}""", "advisor"),
        new(HttpMethod.Post, "/first-contact", $$"""{"on":"{{Today}}"}""", "advisor"),
        new(HttpMethod.Post, "/follow-ups/1", """{"outcome":"Registered with NES."}""", "advisor"),
        new(HttpMethod.Post, "/close", """{"outcome":"Employed."}""", "advisor", "coordinator"),
    ];

    public async Task InitializeAsync()
    {
        await _factory.StartAsync();
        _submitter = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");
    }

    public async Task DisposeAsync()
    {
        _submitter.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Every_referral_endpoint_answers_by_role_and_scope()
    {
        var shared = await SubmitAsync();
        var failures = new List<string>();
        foreach (var endpoint in ReferralEndpoints)
        {
            foreach (var caller in Callers)
            {
                var allowed = caller.Role is not null && endpoint.Roles.Contains(caller.Role);
                // A call that gets through may change the referral, so it gets a fresh one.
                var id = allowed && caller.InScope ? await SubmitAsync() : shared;
                using var client = await ClientAsync(caller);
                using var response = await client.SendAsync(Request(endpoint.Method, $"/api/referrals/{id}{endpoint.Path}", endpoint.Body));
                var expected = caller.Role is null ? "401" : !allowed ? "403" : !caller.InScope ? "404" : "200 or 409";
                var actual = (int)response.StatusCode;
                var ok = expected == "200 or 409" ? actual is 200 or 409 : expected == actual.ToString(CultureInfo.InvariantCulture);
                if (!ok)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Path} as {caller.Name}: expected {expected}, got {actual} " +
                        await response.Content.ReadAsStringAsync());
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Directory_list_and_submit_answer_by_role()
    {
        var failures = new List<string>();
        var submitBody = SubmitBodies.Valid(_factory.Services.GetRequiredService<TimeProvider>()).ToJsonString();
        foreach (var caller in Callers.Where(c => c.InScope || c.Role is null))
        {
            using var client = await ClientAsync(caller);
            using var directory = await client.GetAsync("/api/mscs");
            using var list = await client.GetAsync("/api/referrals");
            using var submit = await client.SendAsync(SubmitBodies.Post(submitBody, SubmitBodies.NewKey()));
            var expected = caller.Role switch
            {
                null => (401, 401, 401),
                "scout" => (200, 200, 201),
                _ => (200, 200, 403),
            };
            var actual = ((int)directory.StatusCode, (int)list.StatusCode, (int)submit.StatusCode);
            if (actual != expected)
            {
                failures.Add($"{caller.Name}: expected (mscs, list, submit) {expected}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_referral_that_does_not_exist_and_a_malformed_id_are_404()
    {
        using var coordinator = await ClientAsync(Callers[^1]);

        using var missing = await coordinator.GetAsync("/api/referrals/aaaaaaaaaaaaaaaaaaaa");
        using var malformed = await coordinator.GetAsync("/api/referrals/not-an-id");

        await Problems.AssertAsync(missing, HttpStatusCode.NotFound);
        await Problems.AssertAsync(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_with_a_role_but_without_its_scope_claim_is_403()
    {
        // The Development issuer refuses such tokens, so sign one the way a misconfigured Entra app would.
        var issuer = _factory.Services.GetRequiredService<DevTokenIssuer>();
        var token = issuer.Issue(new Caller("advisor-x", Role.Advisor, null, null));
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var response = await client.GetAsync("/api/mscs");

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    private async Task<string> SubmitAsync()
    {
        var body = SubmitBodies.Valid(_factory.Services.GetRequiredService<TimeProvider>());
        body["municipality"] = "nis";
        using var response = await _submitter.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> ClientAsync(CallerKind caller) => caller.Role is null
        ? _factory.CreateClient()
        : await _factory.ClientForAsync(caller.Role, $"{caller.Role}-{caller.Org ?? caller.Msc ?? "all"}", caller.Org, caller.Msc);

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body) => new(method, path)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };
}
