using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.App.Hosting.Clock;
using Referrals.Testing;

namespace Referrals.App.Tests.Api;

/// <summary>GET one (shape, masking, audit) and the list projections (partitions, filters, paging, moves).</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadModelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(azurite);
    private HttpClient _scout = null!;
    private HttpClient _advisor = null!;
    private HttpClient _coordinator = null!;

    public async Task InitializeAsync()
    {
        await _factory.StartAsync();
        _scout = await _factory.ClientForAsync("scout", "scout-1", org: "caritas-nrw");
        _advisor = await _factory.ClientForAsync("advisor", "advisor-1", msc: "nis");
        _coordinator = await _factory.ClientForAsync("coordinator", "coord-1");
    }

    public async Task DisposeAsync()
    {
        _scout.Dispose();
        _advisor.Dispose();
        _coordinator.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Get_shows_submitted_fields_timeline_deadlines_and_masked_messages()
    {
        var id = await SubmitAsync(_scout, "nis");
        await _factory.RunEffectsAsync();

        var referral = await _advisor.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");

        Assert.Equal(id, referral.GetProperty("id").GetString());
        Assert.Equal("awaitingAcknowledgement", referral.GetProperty("status").GetString());
        Assert.Equal("nis", referral.GetProperty("msc").GetProperty("id").GetString());
        Assert.Equal(SubmitBodies.Phone, referral.GetProperty("returnee").GetProperty("phone").GetString());
        Assert.Equal("sr-Latn", referral.GetProperty("returnee").GetProperty("preferredLanguage").GetString());
        Assert.Equal("submitted", referral.GetProperty("timeline")[0].GetProperty("type").GetString());
        Assert.Equal("scout-1", referral.GetProperty("timeline")[0].GetProperty("actor").GetString());
        Assert.Contains(referral.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "acknowledge");
        var sms = referral.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("channel").GetString() == "sms");
        Assert.Equal("+49151•••••678", sms.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Coordinators_see_contact_details_masked_and_scouts_see_no_staff_notes()
    {
        var id = await SubmitAsync(_scout, "nis");

        var asCoordinator = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        var asScout = await _scout.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");

        Assert.Equal("+49151•••••678", asCoordinator.GetProperty("returnee").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Array, asCoordinator.GetProperty("staffNotes").ValueKind);
        Assert.False(asScout.TryGetProperty("staffNotes", out var notes) && notes.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Every_read_and_change_by_a_person_is_in_the_audit_trail()
    {
        var id = await SubmitAsync(_scout, "nis");
        using (await _advisor.GetAsync($"/api/referrals/{id}"))
        {
        }

        using (await _advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Seen." }))
        {
        }

        var trail = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}/audit");

        var items = trail.GetProperty("items").EnumerateArray()
            .Select(i => (Actor: i.GetProperty("actor").GetString(), Action: i.GetProperty("action").GetString(),
                Kind: i.GetProperty("kind").GetString()))
            .ToList();
        Assert.Contains(("scout-1", "submitted", "change"), items);
        Assert.Contains(("advisor-1", "readReferral", "read"), items);
        Assert.Contains(("advisor-1", "acknowledged", "change"), items);
        Assert.Contains(("coord-1", "readAuditTrail", "read"), items);
        var times = trail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Lists_are_scoped_by_organisation_MSC_or_all()
    {
        using var otherScout = await _factory.ClientForAsync("scout", "scout-2", org: "diakonie-bayern");
        var nis = await SubmitAsync(_scout, "nis");
        var beograd = await SubmitAsync(_scout, "beograd");
        var elsewhere = await SubmitAsync(otherScout, "nis");
        await _factory.RunEffectsAsync();

        var scoutIds = await ListIdsAsync(_scout, "/api/referrals");
        var advisorIds = await ListIdsAsync(_advisor, "/api/referrals");
        var allIds = await ListIdsAsync(_coordinator, "/api/referrals");
        var beogradIds = await ListIdsAsync(_coordinator, "/api/referrals?msc=beograd");

        Assert.Contains(nis, scoutIds);
        Assert.Contains(beograd, scoutIds);
        Assert.DoesNotContain(elsewhere, scoutIds);
        Assert.Contains(nis, advisorIds);
        Assert.Contains(elsewhere, advisorIds);
        Assert.DoesNotContain(beograd, advisorIds);
        Assert.Superset(new HashSet<string> { nis, beograd, elsewhere }, allIds.ToHashSet());
        Assert.Contains(beograd, beogradIds);
        Assert.DoesNotContain(nis, beogradIds);
    }

    [Fact]
    public async Task An_advisor_cannot_list_another_MSC()
    {
        using var response = await _advisor.GetAsync("/api/referrals?msc=beograd");

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_items_carry_the_summary_and_the_next_deadline()
    {
        var id = await SubmitAsync(_scout, "nis");
        await _factory.RunEffectsAsync();

        var page = await _advisor.GetFromJsonAsync<JsonElement>("/api/referrals");

        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("awaitingAcknowledgement", item.GetProperty("status").GetString());
        Assert.Equal("nis", item.GetProperty("msc").GetProperty("id").GetString());
        Assert.Equal("normal", item.GetProperty("priority").GetString());
        Assert.Equal("nis", item.GetProperty("municipality").GetString());
        Assert.Equal("acknowledge", item.GetProperty("nextDeadline").GetProperty("kind").GetString());
        Assert.Equal("pending", item.GetProperty("nextDeadline").GetProperty("state").GetString());
        Assert.False(item.ToString().Contains(SubmitBodies.FamilyName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_follow_continuation_tokens_without_gaps_or_repeats()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-p", org: "paging-org");
        var submitted = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            submitted.Add(await SubmitAsync(scout, "nis"));
        }

        await _factory.RunEffectsAsync();

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await scout.GetFromJsonAsync<JsonElement>(
                "/api/referrals?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(submitted.Order(), seen.Order());
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Status_and_overdue_filters_narrow_the_list()
    {
        using var scout = await _factory.ClientForAsync("scout", "scout-f", org: "filter-org");
        var acknowledged = await SubmitAsync(scout, "nis");
        var waiting = await SubmitAsync(scout, "nis");
        using (await _advisor.PostAsJsonAsync($"/api/referrals/{acknowledged}/acknowledge", new { note = "Seen." }))
        {
        }

        await _factory.RunEffectsAsync();

        Assert.Equal([acknowledged], await ListIdsAsync(scout, "/api/referrals?status=acknowledged"));
        Assert.Equal([waiting], await ListIdsAsync(scout, "/api/referrals?status=awaitingAcknowledgement"));
        Assert.Empty(await ListIdsAsync(scout, "/api/referrals?overdue=true"));

        _factory.Services.GetRequiredService<DevelopmentClock>().Advance(TimeSpan.FromDays(12));
        // Token lifetimes follow the same clock, so the old token has expired by now.
        using var later = await _factory.ClientForAsync("scout", "scout-f", org: "filter-org");

        var overdue = await ListIdsAsync(later, "/api/referrals?overdue=true");
        Assert.Contains(waiting, overdue);
        Assert.DoesNotContain(acknowledged, overdue);
    }

    [Fact]
    public async Task A_reassigned_referral_moves_between_MSC_lists()
    {
        var id = await SubmitAsync(_scout, "nis");
        await _factory.RunEffectsAsync();
        Assert.Contains(id, await ListIdsAsync(_advisor, "/api/referrals"));

        using var reassign = await _coordinator.PostAsJsonAsync($"/api/referrals/{id}/reassign", new { msc = "kragujevac" });
        await _factory.RunEffectsAsync();

        Assert.Equal(HttpStatusCode.OK, reassign.StatusCode);
        using var kragujevac = await _factory.ClientForAsync("advisor", "advisor-k", msc: "kragujevac");
        Assert.DoesNotContain(id, await ListIdsAsync(_advisor, "/api/referrals"));
        Assert.Contains(id, await ListIdsAsync(kragujevac, "/api/referrals"));
        using var hidden = await _advisor.GetAsync($"/api/referrals/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    private async Task<string> SubmitAsync(HttpClient scout, string municipality)
    {
        var body = SubmitBodies.Valid(_factory.Services.GetRequiredService<TimeProvider>(), municipality);
        using var response = await scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<string>> ListIdsAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }
}
