using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiSurfaceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite, settings: new Dictionary<string, string?>
    {
        ["RateLimits:SubmissionsPerMinute"] = "2",
    });

    public async Task InitializeAsync() => await _factory.StartAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string, string> Operations => new()
    {
        { "post", "/api/referrals" },
        { "get", "/api/referrals" },
        { "get", "/api/referrals/{id}" },
        { "patch", "/api/referrals/{id}" },
        { "get", "/api/referrals/{id}/audit" },
        { "post", "/api/referrals/{id}/acknowledge" },
        { "post", "/api/referrals/{id}/reject" },
        { "post", "/api/referrals/{id}/reassign" },
        { "post", "/api/referrals/{id}/withdraw" },
        { "post", "/api/referrals/{id}/arrival" },
        { "post", "/api/referrals/{id}/first-contact" },
        { "post", "/api/referrals/{id}/follow-ups/{n}" },
        { "post", "/api/referrals/{id}/close" },
        { "get", "/api/mscs" },
        { "get", "/api/me" },
        { "get", "/api/municipalities" },
        { "get", "/api/arrival-points" },
        { "get", "/api/checklist" },
        { "post", "/api/sms-preview" },
        { "get", "/api/reports/dashboard" },
        { "get", "/api/reports/dashboard.csv" },
        { "post", "/dev/token" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_a_summary(string method, string path)
    {
        using var client = _factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.True(operation.TryGetProperty("responses", out _));
        if (method is "post" or "patch")
        {
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Any());
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_bearer_scheme()
    {
        using var client = _factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Submissions_over_the_limit_are_429_with_Retry_After_and_a_problem_body()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-rate", org: "caritas-nrw");
        using var other = await _factory.ClientForAsync("scout", "scout-other", org: "caritas-nrw");
        var json = SubmitBodies.Valid(_factory.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).ToJsonString();

        using var first = await scout.SendAsync(SubmitBodies.Post(json, SubmitBodies.NewKey()));
        using var second = await scout.SendAsync(SubmitBodies.Post(json, SubmitBodies.NewKey()));
        using var third = await scout.SendAsync(SubmitBodies.Post(json, SubmitBodies.NewKey()));
        using var someoneElse = await other.SendAsync(SubmitBodies.Post(json, SubmitBodies.NewKey()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await Problems.AssertAsync(third, (HttpStatusCode)429);
        var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.Created, someoneElse.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_404_with_a_problem_body()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/nothing-here");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound);
    }
}
