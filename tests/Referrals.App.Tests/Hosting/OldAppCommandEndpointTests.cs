using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.App.Tests.Api;
using Referrals.Testing;

namespace Referrals.App.Tests.Hosting;

/// <summary>The old minimal-API app maps the command endpoints from the same definitions as the functions; this
/// keeps its route binding (the follow-up number) working while it still runs.</summary>
public sealed class OldAppCommandEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_follow_up_number_out_of_range_is_400_naming_n()
    {
        using var app = new HostingAppFactory("Development", HostingAppFactory.Settings(azurite.ConnectionString));
        using var client = app.CreateClient();
        var token = await ApiFactory.TokenAsync(client, "advisor", "advisor-1", msc: "nis");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.PostAsJsonAsync("/api/referrals/some-id/follow-ups/4", new { outcome = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("n", out _), problem.ToString());
    }
}
