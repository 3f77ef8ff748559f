using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Referrals.App.Security;
using Referrals.Contracts;

namespace Referrals.App.Tests.Api;

/// <summary>The authenticator on its own: built from options (no host, no middleware), fed requests from a
/// DefaultHttpContext. Entra's configuration is served from memory, signed with a key the test holds.</summary>
public sealed class RequestAuthenticatorTests
{
    private const string Authority = "https://login.example/referrals-unit/v2.0";
    private const string Audience = "api://referrals-unit";
    private static readonly SymmetricSecurityKey EntraKey = new(Enumerable.Repeat((byte)7, 32).ToArray()) { KeyId = "entra" };
    private static readonly string DevKey = Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray());

    public static TheoryData<string, Role, bool> RoleRules()
    {
        var rules = new (string Name, Role[] Admits)[]
        {
            (nameof(ApiAccess.Scout), [Role.Scout]),
            (nameof(ApiAccess.Advisor), [Role.Advisor]),
            (nameof(ApiAccess.Coordinator), [Role.Coordinator]),
            (nameof(ApiAccess.AdvisorOrCoordinator), [Role.Advisor, Role.Coordinator]),
            (nameof(ApiAccess.AnyRole), [Role.Scout, Role.Advisor, Role.Coordinator]),
        };
        var data = new TheoryData<string, Role, bool>();
        foreach (var (name, admits) in rules)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(name, role, admits.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleRules))]
    public async Task Each_access_rule_admits_exactly_its_roles(string rule, Role role, bool admitted)
    {
        var authenticator = Dev();
        var access = typeof(ApiAccess).GetField(rule)!.GetValue(null) as IReadOnlySet<Role>;
        var context = Request(DevToken(Claims(role)));

        var result = await authenticator.RequireAsync(context.Request, access!);

        Assert.Equal(admitted, result.IsAllowed(out var caller, out var denied));
        if (admitted)
        {
            Assert.Equal(role, caller.Role);
            Assert.Equal("p-1", caller.Subject);
        }
        else
        {
            Assert.Equal(StatusCodes.Status403Forbidden, denied.StatusCode);
            Assert.False(context.Response.Headers.ContainsKey("WWW-Authenticate"));
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Without_a_bearer_token_it_is_401_with_a_plain_challenge(string environment)
    {
        var authenticator = environment == "Development" ? Dev() : Entra(environment);
        foreach (var header in new string?[] { null, "", "Basic dXNlcjpwdw==", "Bearer ", "Bearer    " })
        {
            var context = Request(null);
            if (header is not null)
            {
                context.Request.Headers.Authorization = header;
            }

            var result = await authenticator.RequireAsync(context.Request, ApiAccess.AnyRole);

            Assert.False(result.IsAllowed(out _, out var denied), header);
            Assert.Equal(StatusCodes.Status401Unauthorized, denied.StatusCode);
            Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
        }
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "wrong issuer", "The issuer 'evil' is invalid" },
        { "wrong audience", "The audience '" },
        { "expired", "The token lifetime is invalid" },
        { "bad signature", "The signature is invalid" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Outside_Development_a_failed_token_is_401_saying_only_invalid_token(string failure, string reason)
    {
        var context = Request(EntraToken(failure));

        var result = await Entra("Production").RequireAsync(context.Request, ApiAccess.AnyRole);

        Assert.False(result.IsAllowed(out _, out var denied));
        Assert.Equal(StatusCodes.Status401Unauthorized, denied.StatusCode);
        Assert.Null(denied.ProblemDetails.Detail);
        var challenge = context.Response.Headers.WWWAuthenticate.ToString();
        Assert.Equal("Bearer error=\"invalid_token\"", challenge);
        Assert.DoesNotContain(reason, challenge, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task In_Development_a_failed_token_is_401_saying_why(string failure, string reason)
    {
        var context = Request(EntraToken(failure));

        var result = await Entra("Development").RequireAsync(context.Request, ApiAccess.AnyRole);

        Assert.False(result.IsAllowed(out _, out var denied));
        Assert.Equal(StatusCodes.Status401Unauthorized, denied.StatusCode);
        var challenge = context.Response.Headers.WWWAuthenticate.ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\", error_description=\"", challenge, StringComparison.Ordinal);
        Assert.Contains(reason, challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_a_local_token_with_a_bad_signature_is_401_saying_so()
    {
        var token = DevToken(Claims(Role.Coordinator));
        var context = Request(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        var result = await Dev().RequireAsync(context.Request, ApiAccess.AnyRole);

        Assert.False(result.IsAllowed(out _, out var denied));
        Assert.Equal(StatusCodes.Status401Unauthorized, denied.StatusCode);
        Assert.Contains("The signature is invalid", context.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> UnusableCallers => new()
    {
        "no role", "unknown role", "role in the wrong case", "two roles", "scout without org", "advisor without msc",
        "two orgs", "two mscs", "no subject",
    };

    [Theory]
    [MemberData(nameof(UnusableCallers))]
    public async Task A_valid_token_without_a_usable_caller_is_403(string defect)
    {
        var claims = defect switch
        {
            "no role" => new Dictionary<string, object> { ["sub"] = "p-1" },
            "unknown role" => new() { ["sub"] = "p-1", ["role"] = "admin" },
            "role in the wrong case" => new() { ["sub"] = "p-1", ["role"] = "Coordinator" },
            "two roles" => new() { ["sub"] = "p-1", ["role"] = new[] { "coordinator", "advisor" }, ["msc"] = "nis" },
            "scout without org" => new() { ["sub"] = "p-1", ["role"] = "scout" },
            "advisor without msc" => new() { ["sub"] = "p-1", ["role"] = "advisor" },
            "two orgs" => new() { ["sub"] = "p-1", ["role"] = "scout", ["org"] = new[] { "caritas-nrw", "caritas-bayern" } },
            "two mscs" => new() { ["sub"] = "p-1", ["role"] = "advisor", ["msc"] = new[] { "nis", "beograd" } },
            "no subject" => new() { ["role"] = "coordinator" },
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };
        var context = Request(DevToken(claims));

        var result = await Dev().RequireAsync(context.Request, ApiAccess.AnyRole);

        Assert.False(result.IsAllowed(out _, out var denied));
        Assert.Equal(StatusCodes.Status403Forbidden, denied.StatusCode);
        Assert.Equal("Forbidden", denied.ProblemDetails.Title);
    }

    [Fact]
    public async Task Entra_app_roles_and_the_configured_org_claim_resolve_the_caller()
    {
        var context = Request(EntraToken("valid", new Dictionary<string, object>
        {
            ["sub"] = "scout-7", ["roles"] = new[] { "scout", "Referrals.Reader" }, ["extn.org"] = "caritas-nrw",
        }));

        var result = await Entra("Production", orgClaim: "extn.org").RequireAsync(context.Request, ApiAccess.Scout);

        Assert.True(result.IsAllowed(out var caller, out _));
        Assert.Equal(new Caller("scout-7", Role.Scout, "caritas-nrw", null), caller);
    }

    [Fact]
    public async Task A_multi_valued_configured_Entra_org_claim_is_403()
    {
        var context = Request(EntraToken("valid", new Dictionary<string, object>
        {
            ["sub"] = "scout-7", ["roles"] = new[] { "scout" }, ["extn.org"] = new[] { "caritas-nrw", "caritas-bayern" },
        }));

        var result = await Entra("Production", orgClaim: "extn.org").RequireAsync(context.Request, ApiAccess.Scout);

        Assert.False(result.IsAllowed(out _, out var denied));
        Assert.Equal(StatusCodes.Status403Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_Development_token_signed_by_the_local_issuer_resolves_the_caller()
    {
        var context = Request(DevToken(Claims(Role.Advisor)));

        var result = await Dev().RequireAsync(context.Request, ApiAccess.Advisor);

        Assert.True(result.IsAllowed(out var caller, out _));
        Assert.Equal(new Caller("p-1", Role.Advisor, null, "nis"), caller);
    }

    private static Dictionary<string, object> Claims(Role role) => role switch
    {
        Role.Scout => new() { ["sub"] = "p-1", ["role"] = "scout", ["org"] = "caritas-nrw" },
        Role.Advisor => new() { ["sub"] = "p-1", ["role"] = "advisor", ["msc"] = "nis" },
        _ => new() { ["sub"] = "p-1", ["role"] = "coordinator" },
    };

    private static DefaultHttpContext Request(string? token)
    {
        var context = new DefaultHttpContext();
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        return context;
    }

    private static RequestAuthenticator Dev() => Build("Development", auth =>
    {
        auth.DevSigningKey = DevKey;
    });

    private static RequestAuthenticator Entra(string environment, string? orgClaim = null) => Build(environment, auth =>
    {
        auth.Authority = Authority;
        auth.Audience = Audience;
        auth.OrgClaim = orgClaim ?? auth.OrgClaim;
    }, services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
        configuration.SigningKeys.Add(EntraKey);
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }));

    private static RequestAuthenticator Build(string environment, Action<AuthOptions> auth,
        Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IHostEnvironment>(new Environment { EnvironmentName = environment });
        services.Configure(auth);
        services.AddRequestAuthenticator();
        more?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<RequestAuthenticator>();
    }

    private static string DevToken(Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return Sign(new SymmetricSecurityKey(Convert.FromBase64String(DevKey)) { KeyId = "dev" }, "referrals-dev",
            "referrals-api", claims, now, now.AddMinutes(10));
    }

    private static string EntraToken(string failure, Dictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        var expired = failure == "expired";
        var key = failure == "bad signature"
            ? new SymmetricSecurityKey(Enumerable.Repeat((byte)8, 32).ToArray()) { KeyId = "entra" }
            : EntraKey;
        return Sign(key, failure == "wrong issuer" ? "evil" : Authority,
            failure == "wrong audience" ? "api://other" : Audience,
            claims ?? new Dictionary<string, object> { ["sub"] = "coord-1", ["roles"] = new[] { "coordinator" } },
            expired ? now.AddHours(-2) : now, expired ? now.AddHours(-1) : now.AddMinutes(10));
    }

    private static string Sign(SecurityKey key, string issuer, string audience, Dictionary<string, object> claims,
        DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Referrals.App.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
