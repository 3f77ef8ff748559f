using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Model;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

/// <summary>The endpoints the staff web app needs besides the referral commands (WEB-SPLIT.md 1–5): who may call
/// them, what they answer, and the field errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class PageSupportApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PreviewBody = """{"municipality":"Ниш","expectedReturnDate":"2026-12-10","preferredLanguage":"sr-Latn"}""";

    private readonly ApiFactory _factory = new(azurite);

    private sealed record Endpoint(HttpMethod Method, string Path, string? Body, params string[] Roles);

    private static readonly Endpoint[] Endpoints =
    [
        new(HttpMethod.Get, "/api/me", null, "scout", "advisor", "coordinator"),
        new(HttpMethod.Get, "/api/municipalities", null, "scout", "advisor", "coordinator"),
        new(HttpMethod.Get, "/api/arrival-points", null, "scout", "advisor", "coordinator"),
        new(HttpMethod.Get, "/api/checklist?language=de", null, "scout", "advisor", "coordinator"),
        new(HttpMethod.Post, "/api/sms-preview", PreviewBody, "scout"),
    ];

    public async Task InitializeAsync() => await _factory.StartAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_page_support_endpoint_answers_401_403_or_200_by_role()
    {
        var callers = new (string? Role, string? Org, string? Msc)[]
        {
            (null, null, null), ("scout", "caritas-nrw", null), ("advisor", null, "nis"), ("coordinator", null, null),
        };
        var failures = new List<string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var (role, org, msc) in callers)
            {
                using var client = role is null ? _factory.CreateClient() : await _factory.ClientForAsync(role, $"{role}-1", org, msc);
                using var response = await client.SendAsync(Request(endpoint.Method, endpoint.Path, endpoint.Body));
                var expected = role is null ? 401 : endpoint.Roles.Contains(role) ? 200 : 403;
                if ((int)response.StatusCode != expected)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Path} as {role ?? "anonymous"}: expected {expected}, " +
                        $"got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Me_answers_the_caller_as_the_token_resolved_and_403_for_a_token_without_a_usable_caller()
    {
        using var advisor = await _factory.ClientForAsync("advisor", "advisor-7", msc: "nis");
        var token = _factory.Services.GetRequiredService<DevTokenIssuer>().Issue(new Caller("scout-x", Role.Scout, null, null));
        using var unusable = _factory.CreateClient();
        unusable.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var me = await advisor.GetFromJsonAsync<CallerResponse>("/api/me", ReferralJson.Options);
        using var refused = await unusable.GetAsync("/api/me");

        Assert.Equal(new CallerResponse("advisor-7", Role.Advisor, null, "nis"), me);
        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Municipalities_and_arrival_points_come_from_the_directories()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");

        var municipalities = await scout.GetFromJsonAsync<MunicipalityResponse[]>("/api/municipalities", ReferralJson.Options);
        var points = await scout.GetFromJsonAsync<ArrivalPointResponse[]>("/api/arrival-points", ReferralJson.Options);

        var nis = Assert.Single(municipalities!, m => m.NameLatin == "Niš");
        Assert.Equal(("Ниш", "nis"), (nis.NameCyrillic, nis.MscId));
        Assert.True(municipalities!.Length > 100);
        Assert.Contains(points!, p => p.Code == "BEG");
        Assert.Contains(points!, p => p.Code == "other");
    }

    [Fact]
    public async Task Checklist_serves_the_language_with_both_sections_and_400_names_language()
    {
        using var advisor = await _factory.ClientForAsync("advisor", "advisor-1", msc: "nis");

        var german = await advisor.GetFromJsonAsync<ChecklistResponse>("/api/checklist?language=de", ReferralJson.Options);
        using var unknown = await advisor.GetAsync("/api/checklist?language=xx");
        using var missing = await advisor.GetAsync("/api/checklist");

        Assert.Equal("de", german!.Language);
        Assert.Equal(["beforeReturn", "onArrival"], german.Sections.Select(s => s.Title));
        Assert.All(german.Sections, s => Assert.NotEmpty(s.Items));
        Assert.All(german.Sections.SelectMany(s => s.Items), i => Assert.False(string.IsNullOrWhiteSpace(i.Short)));
        await Problems.AssertValidationAsync(unknown, "language");
        await Problems.AssertValidationAsync(missing, "language");
    }

    [Fact]
    public async Task Sms_preview_renders_the_submission_confirmation_for_the_routed_MSC()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");

        using var response = await scout.SendAsync(Request(HttpMethod.Post, "/api/sms-preview", PreviewBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<SmsPreviewResponse>(ReferralJson.Options);
        Assert.Equal("nis", preview!.Msc.Id);
        Assert.Equal("sr-Latn", preview.Language);
        Assert.Contains("10", preview.Text, StringComparison.Ordinal);
        Assert.Equal(preview.Text.Length, preview.Length);
        Assert.InRange(preview.Segments, 1, 10);
        Assert.Equal(SmsEncoding.Gsm7, preview.Encoding);
    }

    [Theory]
    [InlineData("""{"expectedReturnDate":"2026-12-10","preferredLanguage":"de"}""", "municipality")]
    [InlineData("""{"municipality":"Atlantis","expectedReturnDate":"2026-12-10","preferredLanguage":"de"}""", "municipality")]
    [InlineData("""{"municipality":"nis","preferredLanguage":"de"}""", "expectedReturnDate")]
    [InlineData("""{"municipality":"nis","expectedReturnDate":"10.12.2026","preferredLanguage":"de"}""", "expectedReturnDate")]
    [InlineData("""{"municipality":"nis","expectedReturnDate":"2026-12-10"}""", "preferredLanguage")]
    [InlineData("""{"municipality":"nis","expectedReturnDate":"2026-12-10","preferredLanguage":"klingon"}""", "preferredLanguage")]
    public async Task Sms_preview_with_a_missing_or_unknown_field_is_400_naming_it(string body, string field)
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");

        using var response = await scout.SendAsync(Request(HttpMethod.Post, "/api/sms-preview", body));

        await Problems.AssertValidationAsync(response, field);
    }

    [Fact]
    public async Task Sms_preview_reports_every_missing_field_at_once()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");

        using var response = await scout.SendAsync(Request(HttpMethod.Post, "/api/sms-preview", "{}"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["expectedReturnDate", "municipality", "preferredLanguage"], keys);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body) => new(method, path)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };
}
