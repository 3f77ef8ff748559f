using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Referrals.App.Security;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class IdentityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("scout", "scout-1", "caritas-nrw", null)]
    [InlineData("advisor", "advisor-1", null, "nis")]
    [InlineData("coordinator", "coord-1", null, null)]
    public async Task Dev_token_issues_a_token_with_the_requested_claims(string role, string subject, string? org, string? msc)
    {
        using var client = _factory.CreateClient();

        var token = await ApiFactory.TokenAsync(client, role, subject, org, msc);

        var payload = JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1])).RootElement;
        Assert.Equal(subject, payload.GetProperty("sub").GetString());
        Assert.Equal(role, payload.GetProperty("role").GetString());
        Assert.Equal(org, payload.TryGetProperty("org", out var o) ? o.GetString() : null);
        Assert.Equal(msc, payload.TryGetProperty("msc", out var m) ? m.GetString() : null);
    }

    public static TheoryData<string, string> BadTokenRequests => new()
    {
        { """{"role":"admin","subject":"x-1"}""", "role" },
        { """{"role":"COORDINATOR","subject":"c-1"}""", "role" },
        { """{"role":"Scout","subject":"s-1","org":"caritas-nrw"}""", "role" },
        { """{"role":"scout","subject":"scout-1"}""", "org" },
        { """{"role":"advisor","subject":"advisor-1"}""", "msc" },
        { """{"role":"coordinator"}""", "subject" },
        { """{"role":"coordinator","subject":"has space"}""", "subject" },
        { """{"role":"coordinator","subject":"c-1","extra":true}""", "extra" },
        { """{"role":5,"subject":"c-1"}""", "role" },
    };

    [Theory]
    [MemberData(nameof(BadTokenRequests))]
    public async Task Dev_token_refuses_bad_input_with_a_problem_naming_the_field(string json, string field)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/dev/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors lacks '{field}': {problem}");
    }

    [Fact]
    public async Task A_request_without_a_token_is_401_with_a_problem_body()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("type", out _));
        Assert.True(problem.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        using var client = _factory.CreateClient();
        var token = await ApiFactory.TokenAsync(client, "coordinator", "coord-1");
        var parts = token.Split('.');
        client.DefaultRequestHeaders.Authorization = new("Bearer", $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA");

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, string, string?, string?> TokensThatGrantNothing => new()
    {
        { "COORDINATOR", "coord-1", null, null },
        { "Advisor", "advisor-1", null, "nis" },
        { "scout", "scout-1", "caritas-nrw,caritas-bayern", null },
        { "scout", "scout-1", "caritas-nrw,caritas-nrw", null },
        { "advisor", "advisor-1", null, "nis,beograd" },
        { "coordinator", "coord-1", "caritas-nrw,caritas-bayern", null },
    };

    [Theory]
    [MemberData(nameof(TokensThatGrantNothing))]
    public async Task A_validly_signed_token_with_a_role_in_another_case_or_a_multi_valued_scope_is_403(
        string role, string subject, string? orgs, string? mscs)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevSignedToken(role, subject, orgs, mscs));

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_validly_signed_token_with_exact_claims_is_accepted()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevSignedToken("scout", "scout-1", "caritas-nrw", null));

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dev_token_is_not_mapped_outside_Development()
    {
        await using var production = new ApiFactory(azurite, "Production", new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            ["Auth:Audience"] = "api://referrals-test",
            ["Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ActiveKeyId"] = "k1",
            ["Encryption:BlindIndexKey"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ReferralIdKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()),
        });
        using var client = production.CreateClient();

        using var response = await client.PostAsJsonAsync("/dev/token", new { role = "coordinator", subject = "c-1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A token the app's Development issuer would accept, with claims it would never issue; a
    /// comma-separated org or msc becomes a JSON array (a multi-valued claim).</summary>
    private string DevSignedToken(string role, string subject, string? orgs, string? mscs)
    {
        var now = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ReferralClaims.Subject] = subject, [ReferralClaims.Role] = role };
        if (orgs is not null)
        {
            claims[ReferralClaims.Organisation] = orgs.Split(',');
        }

        if (mscs is not null)
        {
            claims[ReferralClaims.Msc] = mscs.Split(',');
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ReferralClaims.DevIssuer,
            Audience = ReferralClaims.DevAudience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                _factory.Services.GetRequiredService<DevSigningKey>().Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);
}
