using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Referrals.App.Api.Referrals;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

/// <summary>Bad input to the public API is a 4xx problem naming what is wrong, never a 5xx.</summary>
[Collection(ApiCollection.Name)]
public sealed class StrictInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite, settings: new Dictionary<string, string?>
    {
        ["RateLimits:SubmissionsPerMinute"] = "10000",
    });

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

    public static TheoryData<string, string, string> WrongValues => new()
    {
        { "returnee.phone", "123", "returnee.phone" },
        { "returnee.gender", "\"robot\"", "returnee.gender" },
        { "returnee.preferredLanguage", "\"klingon\"", "returnee.preferredLanguage" },
        { "priority", "\"Normal\"", "priority" },
        { "priority", "2", "priority" },
        { "household.adults", "\"two\"", "household.adults" },
        { "expectedReturnDate", "\"10.12.2026\"", "expectedReturnDate" },
        { "consent.obtainedAt", "\"yesterday\"", "consent.obtainedAt" },
        { "needs", "\"employment\"", "needs" },
        { "returnee", "[]", "returnee" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task A_wrong_type_or_unknown_enum_value_is_400_at_its_path(string member, string jsonValue, string key)
    {
        var body = SubmitBodies.Valid(Time);
        var parts = member.Split('.');
        var target = parts.Length == 1 ? body : (JsonObject)body[parts[0]]!;
        target[parts[^1]] = JsonNode.Parse(jsonValue);

        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));

        await Problems.AssertValidationAsync(response, key);
    }

    [Fact]
    public async Task An_unknown_field_is_400_at_its_path()
    {
        var body = SubmitBodies.Valid(Time);
        body["returnee"]!["nickname"] = "M";

        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));

        await Problems.AssertValidationAsync(response, "returnee.nickname");
    }

    [Fact]
    public async Task A_missing_field_is_400_at_its_path()
    {
        var body = SubmitBodies.Valid(Time);
        ((JsonObject)body["returnee"]!).Remove("familyName");

        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));

        await Problems.AssertValidationAsync(response, "returnee.familyName");
    }

    [Theory]
    [InlineData("{\"returnee\": {\"givenName\": \"Marko\",}}")]
    [InlineData("{\"returnee\": ")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_400_with_a_problem(string json)
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(json, SubmitBodies.NewKey()));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task An_empty_body_is_400_at_the_root()
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post("", SubmitBodies.NewKey()));

        await Problems.AssertValidationAsync(response, "$");
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413()
    {
        var body = SubmitBodies.Valid(Time);
        body["notes"] = new string('x', 70 * 1024);

        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_without_length_is_413()
    {
        var body = SubmitBodies.Valid(Time);
        body["notes"] = new string('x', 70 * 1024);
        using var request = SubmitBodies.Post("", SubmitBodies.NewKey());
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _scout.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        using var response = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(),
            SubmitBodies.NewKey(), contentType));

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_request_without_content_type_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}")),
        };
        request.Headers.Add("Idempotency-Key", SubmitBodies.NewKey());

        using var response = await _scout.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/referrals?status=lost", "status")]
    [InlineData("/api/referrals?overdue=maybe", "overdue")]
    [InlineData("/api/referrals?pageSize=0", "pageSize")]
    [InlineData("/api/referrals?continuationToken=garbage", "continuationToken")]
    public async Task A_bad_query_parameter_is_400_naming_it(string path, string key)
    {
        using var response = await _scout.GetAsync(path);

        await Problems.AssertValidationAsync(response, key);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400_not_500()
    {
        using var response = await _scout.GetAsync("/api/referrals?pageSize=many");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_thousand_randomly_mutated_submit_bodies_never_cause_a_5xx()
    {
        var random = new Random(20261122);
        var valid = SubmitBodies.Valid(Time).ToJsonString();
        var failures = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var mutated = Mutate(valid, random);
            using var response = await _scout.SendAsync(SubmitBodies.Post(mutated, SubmitBodies.NewKey()));
            var status = (int)response.StatusCode;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                failures.Add($"#{i} {status}: {mutated}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "\"x\"", "\"\\u0000\"", "\"2026-02-30\"", "99999999999999999999",
        "\"+4915112345678\"", "\"Ниш\"", "[null]", "\"emergency\"", "{\"a\":", "\"\\ud800\"",
    ];

    /// <summary>One to three edits: delete, duplicate or replace a character, or swap a JSON value for another.
    /// </summary>
    private static string Mutate(string json, Random random)
    {
        var text = new StringBuilder(json);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, text[at]);
                    break;
                case 2:
                    text[at] = (char)random.Next(32, 127);
                    break;
                default:
                    var colon = text.ToString().IndexOf(':', at);
                    if (colon > 0)
                    {
                        var end = text.ToString().IndexOfAny([',', '}'], colon);
                        if (end > colon)
                        {
                            text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, Replacements[random.Next(Replacements.Length)]);
                        }
                    }

                    break;
            }

            if (text.Length == 0)
            {
                break;
            }
        }

        return text.ToString();
    }

    public static TheoryData<string, string> DatesAtTheEndsOfTheCalendar => new()
    {
        { "consent.obtainedAt", "9999-12-31T23:00:00Z" }, // the year 10000 in Belgrade
        { "consent.obtainedAt", "9999-12-31T23:59:59.9999999Z" },
        { "consent.obtainedAt", "9999-12-31T23:00:00-05:00" }, // past DateTimeOffset.MaxValue in UTC
        { "consent.obtainedAt", "0001-01-01T00:00:00Z" },
        { "consent.obtainedAt", "0001-01-01T00:00:00+01:00" }, // before DateTimeOffset.MinValue in UTC
        { "returnee.dateOfBirth", "9999-12-31" },
        { "returnee.dateOfBirth", "0001-01-01" },
        { "expectedReturnDate", "9999-12-31" },
        { "expectedReturnDate", "0001-01-01" },
    };

    [Theory]
    [MemberData(nameof(DatesAtTheEndsOfTheCalendar))]
    public async Task A_submitted_date_at_either_end_of_the_calendar_is_400_at_its_path_never_500(string member, string value)
    {
        var body = SubmitBodies.Valid(Time);
        var parts = member.Split('.');
        var target = parts.Length == 1 ? body : (JsonObject)body[parts[0]]!;
        target[parts[^1]] = value;

        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));

        var problem = await Problems.AssertValidationAsync(response, member);
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_date_at_either_end_of_the_calendar_in_a_change_or_command_is_4xx_naming_the_field_never_500(string date)
    {
        using var submit = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), SubmitBodies.NewKey()));
        var id = (await submit.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var advisor = await _factory.ClientForAsync("advisor", "advisor-1", msc: "nis");
        var today = BelgradeDate.Today(Time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var patch = await _scout.PatchAsync($"/api/referrals/{id}", Json($$"""{"expectedReturnDate":"{{date}}"}"""));
        await Problems.AssertValidationAsync(patch, "expectedReturnDate");

        using var acknowledged = await advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Seen." });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        using var arrival = await advisor.PostAsync($"/api/referrals/{id}/arrival", Json($$"""{"arrivedOn":"{{date}}"}"""));
        var arrivalProblem = await Problems.AssertAsync(arrival, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("arrivedOn must not be", arrivalProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var arrived = await advisor.PostAsync($"/api/referrals/{id}/arrival", Json($$"""{"arrivedOn":"{{today}}"}"""));
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        using var contact = await advisor.PostAsync($"/api/referrals/{id}/first-contact", Json($$"""{"on":"{{date}}"}"""));
        var contactProblem = await Problems.AssertAsync(contact, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("on must not be", contactProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_command_that_does_not_fit_the_status_is_409_saying_why()
    {
        using var submit = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), SubmitBodies.NewKey()));
        var id = (await submit.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var advisor = await _factory.ClientForAsync("advisor", "advisor-1", msc: "nis");
        using var first = await advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Seen." });

        using var second = await advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Again." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await Problems.AssertAsync(second, HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/acknowledge", "{\"note\":5}", "note")]
    [InlineData("/reject", "{}", "reason")]
    [InlineData("/reject", "{\"reason\":\"tooFar\"}", "reason")]
    [InlineData("/reject", "{\"reason\":\"outOfArea\",\"suggestedMsc\":\"atlantis\"}", "suggestedMsc")]
    [InlineData("/arrival", "{\"arrivedOn\":\"soon\"}", "arrivedOn")]
    [InlineData("/arrival", "{}", "arrivedOn")]
    [InlineData("/follow-ups/4", "{\"outcome\":\"x\"}", "n")]
    [InlineData("/follow-ups/1", "{\"note\":\"x\"}", "outcome")]
    public async Task A_bad_command_body_is_400_naming_the_field(string path, string json, string key)
    {
        using var submit = await _scout.SendAsync(SubmitBodies.Post(SubmitBodies.Valid(Time).ToJsonString(), SubmitBodies.NewKey()));
        var id = (await submit.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var advisor = await _factory.ClientForAsync("advisor", "advisor-1", msc: "nis");

        using var response = await advisor.PostAsync($"/api/referrals/{id}{path}", new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertValidationAsync(response, key);
    }
}
