using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.App.Hosting.Clock;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

public sealed class DevelopmentClockEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private FunctionsHostingAppFactory Development(params (string Key, string? Value)[] extra) =>
        new("Development", FunctionsHostingAppFactory.Settings(azurite.ConnectionString, extra), azurite.ConnectionString);

    private static async Task<DateTimeOffset> ReadNowAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var text = body.GetProperty("now").GetString()!;
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Get_clock_in_Development_reads_the_development_clock_in_UTC()
    {
        using var app = Development();
        var before = TimeProvider.System.GetUtcNow();

        using var response = await app.CreateClient().GetAsync(new Uri("/dev/clock", UriKind.Relative));

        Assert.InRange(await ReadNowAsync(response), before, TimeProvider.System.GetUtcNow());
        Assert.IsType<DevelopmentClock>(app.Services.GetService(typeof(TimeProvider)));
    }

    [Fact]
    public async Task A_configured_clock_offset_starts_the_development_clock_that_far_ahead()
    {
        using var app = Development(("Hosting:ClockOffset", "13:00:00"));
        var before = TimeProvider.System.GetUtcNow();

        using var response = await app.CreateClient().GetAsync(new Uri("/dev/clock", UriKind.Relative));

        Assert.InRange(await ReadNowAsync(response), before.AddHours(13), TimeProvider.System.GetUtcNow().AddHours(13));
    }

    [Fact]
    public void A_negative_clock_offset_is_refused_at_start_naming_the_setting()
    {
        using var app = Development(("Hosting:ClockOffset", "-01:00:00"));

        var refusal = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Hosting:ClockOffset", refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_moves_the_clock_then_runs_the_workflow_until_idle()
    {
        using var app = Development();
        var client = app.CreateClient();
        var before = TimeProvider.System.GetUtcNow();
        DateTimeOffset? clockSeenByCatchUp = null;
        var clock = (TimeProvider)app.Services.GetService(typeof(TimeProvider))!;
        app.CatchUp.OnCatchUp = _ =>
        {
            clockSeenByCatchUp = clock.GetUtcNow();
            return Task.CompletedTask;
        };

        using var response = await client.PostAsJsonAsync(new Uri("/dev/clock/advance", UriKind.Relative), new { by = "P3D" });

        var now = await ReadNowAsync(response);
        Assert.InRange(now - before, TimeSpan.FromDays(3), TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, app.CatchUp.Runs);
        Assert.True(clockSeenByCatchUp >= before + TimeSpan.FromDays(3));
    }

    [Theory]
    [InlineData("""{"by":"P1M"}""", "Years and months")]
    [InlineData("""{"by":"three days"}""", "ISO 8601")]
    [InlineData("""{"by":"-P1D"}""", "forward")]
    [InlineData("""{}""", "Required")]
    public async Task Advance_with_a_bad_duration_is_400_naming_by_and_leaves_the_clock(string body, string reason)
    {
        using var app = Development();
        var clock = (DevelopmentClock)app.Services.GetService(typeof(DevelopmentClock))!;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await app.CreateClient().PostAsync(new Uri("/dev/clock/advance", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("by")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, clock.Offset);
        Assert.Equal(0, app.CatchUp.Runs);
    }

    [Fact]
    public async Task Advance_when_the_workflow_does_not_become_idle_in_time_is_504_with_a_clear_title()
    {
        using var app = Development(("Hosting:DevClockIdleTimeout", "00:00:00.2"));
        // An engine that ignores cancellation: the cap must hold anyway.
        var never = new TaskCompletionSource();
        app.CatchUp.OnCatchUp = _ => never.Task;

        using var response = await app.CreateClient().PostAsJsonAsync(new Uri("/dev/clock/advance", UriKind.Relative), new { by = "PT1H" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The workflow did not catch up in time.", problem.GetProperty("title").GetString());
        never.SetResult();
    }

    [Fact]
    public async Task Dev_routes_are_not_mapped_outside_Development()
    {
        using var app = new FunctionsHostingAppFactory("Production",
            FunctionsHostingAppFactory.Settings(azurite.ConnectionString, FunctionsHostingAppFactory.ProductionRequirements), azurite.ConnectionString);
        var client = app.CreateClient();

        using var read = await client.GetAsync(new Uri("/dev/clock", UriKind.Relative));
        using var advance = await client.PostAsJsonAsync(new Uri("/dev/clock/advance", UriKind.Relative), new { by = "P1D" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Same(TimeProvider.System, app.Services.GetService(typeof(TimeProvider)));
        Assert.Equal(0, app.CatchUp.Runs);
    }

    [Fact]
    public async Task A_token_issued_before_advancing_the_clock_ten_days_still_lists_referrals()
    {
        using var app = Development(("Api:Tables:Projections", AzuriteFixture.UniqueName("views")));
        var client = app.CreateClient();
        using var issued = await client.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative),
            new { role = "coordinator", subject = "coordinator-clock" });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var expires = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).ValidTo;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var advanced = await client.PostAsJsonAsync(new Uri("/dev/clock/advance", UriKind.Relative), new { by = "P10D" });
        var businessNow = await ReadNowAsync(advanced);
        using var list = await client.GetAsync(new Uri("/api/referrals", UriKind.Relative));

        // The business clock is past the token's expiry; validation follows the wall clock, so the token still works.
        Assert.True(businessNow.UtcDateTime > expires, $"{businessNow:O} should be after the token's expiry {expires:O}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
