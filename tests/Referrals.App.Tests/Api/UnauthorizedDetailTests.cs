using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Referrals.App.Security;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

/// <summary>What a 401 tells the caller: why the token failed only in Development; elsewhere just that it is invalid.
/// The Entra configuration is served from memory (no metadata is fetched), signed with a key the test holds.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnauthorizedDetailTests(AzuriteFixture azurite)
{
    private const string Authority = "https://login.example/referrals-tests/v2.0";
    private const string Audience = "api://referrals-tests";

    private static readonly SymmetricSecurityKey Key = new(Enumerable.Repeat((byte)5, 32).ToArray()) { KeyId = "test" };

    public static TheoryData<string, string> FailedTokens => new()
    {
        { "wrong issuer", "The issuer 'evil' is invalid" },
        { "expired", "The token " }, // "expired at …" or "lifetime is invalid …", by which lifetime check is configured
        { "wrong audience", "The audience '" },
    };

    [Theory]
    [MemberData(nameof(FailedTokens))]
    public async Task Outside_Development_a_401_says_only_that_the_token_is_invalid(string failure, string reason)
    {
        await using var app = Entra("Production");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(app, failure));

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_a_request_without_a_token_gets_a_plain_challenge()
    {
        await using var app = Entra("Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Outside_Development_a_valid_token_is_still_accepted()
    {
        await using var app = Entra("Production");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(app, "valid"));

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(FailedTokens))]
    public async Task In_Development_a_401_says_why_the_token_failed(string failure, string reason)
    {
        await using var app = Entra("Development");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(app, failure));

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.True(challenge.Contains(reason, StringComparison.Ordinal), challenge);
    }

    [Fact]
    public async Task In_Development_a_token_of_the_local_issuer_with_a_bad_signature_says_so()
    {
        await using var app = new ApiFactory(azurite);
        using var client = app.CreateClient();
        var token = await ApiFactory.TokenAsync(client, "coordinator", "coord-1");
        var parts = token.Split('.');
        client.DefaultRequestHeaders.Authorization = new("Bearer", $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA");

        using var response = await client.GetAsync("/api/mscs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The signature is invalid", Assert.Single(response.Headers.WwwAuthenticate).ToString(), StringComparison.Ordinal);
    }

    /// <summary>The app validating Entra tokens (an authority configured) in <paramref name="environment"/>.</summary>
    private ApiFactory Entra(string environment) =>
        new ApiFactory(azurite, environment, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = Authority,
            ["Auth:Audience"] = Audience,
            ["Encryption:Keys:k1"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ActiveKeyId"] = "k1",
            ["Encryption:BlindIndexKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()),
            ["Encryption:ReferralIdKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray()),
        }, services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
                configuration.SigningKeys.Add(Key);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));

    /// <summary>A token for a coordinator that fails as <paramref name="failure"/> says, timed by the app's clock.</summary>
    private static string Token(ApiFactory app, string failure)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var expired = failure == "expired";
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = failure == "wrong issuer" ? "evil" : Authority,
            Audience = failure == "wrong audience" ? "api://other" : Audience,
            Claims = new Dictionary<string, object>
            {
                [ReferralClaims.Subject] = "coord-1",
                [ReferralClaims.EntraRoles] = new[] { RoleNames.Coordinator },
            },
            IssuedAt = expired ? now.AddHours(-2) : now,
            NotBefore = expired ? now.AddHours(-2) : now,
            Expires = expired ? now.AddHours(-1) : now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
