using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Reports;
using Referrals.App.Api.Storage;
using Referrals.Domain.Lifecycle;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>The list summaries' added fields (names for scouts only, encrypted at rest) and the report read model
/// behind the coordinator's dashboard and its CSV.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListAndReportTests(AzuriteFixture azurite) : IAsyncLifetime
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
    public async Task Scouts_see_the_returnee_name_in_their_list_and_advisors_and_coordinators_do_not()
    {
        var id = await SubmitAsync("nis");
        await _factory.RunEffectsAsync();

        var asScout = await ItemAsync(_scout, "/api/referrals", id);
        var asAdvisor = await ItemAsync(_advisor, "/api/referrals", id);
        var asCoordinator = await ItemAsync(_coordinator, "/api/referrals", id);
        var asCoordinatorByMsc = await ItemAsync(_coordinator, "/api/referrals?msc=nis", id);

        Assert.Equal(new ReturneeNameResponse(SubmitBodies.GivenName, SubmitBodies.FamilyName), asScout.Returnee);
        Assert.Null(asAdvisor.Returnee);
        Assert.Null(asCoordinator.Returnee);
        Assert.Null(asCoordinatorByMsc.Returnee);
        foreach (var item in new[] { asScout, asAdvisor, asCoordinator })
        {
            Assert.Equal("Niš", item.MunicipalityName);
            Assert.NotNull(item.SubmittedAt);
            Assert.True(item.AcknowledgeBy > item.SubmittedAt);
            Assert.Null(item.AcknowledgedAt);
        }
    }

    [Fact]
    public async Task The_acknowledgement_time_reaches_the_list()
    {
        var id = await SubmitAsync("nis");
        using var ack = await _advisor.PostAsJsonAsync($"/api/referrals/{id}/acknowledge", new { note = "Seen." });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await _factory.RunEffectsAsync();

        var item = await ItemAsync(_advisor, "/api/referrals", id);

        Assert.NotNull(item.AcknowledgedAt);
        Assert.Equal("acknowledged", item.Status);
    }

    [Fact]
    public async Task The_name_is_stored_only_in_the_organisation_row_and_never_in_plaintext()
    {
        var id = await SubmitAsync("nis");
        await _factory.RunEffectsAsync();
        var table = await _factory.Services.GetRequiredService<ApiTables>().ProjectionsAsync(CancellationToken.None);

        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Id eq {id}")))
        {
            rows.Add(row);
        }

        Assert.Equal(["all", "msc-nis", "org-caritas-nrw", ReportColumns.Partition], rows.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        var stored = Assert.Single(rows, r => r.ContainsKey(ProjectionColumns.ReturneeName));
        Assert.Equal("org-caritas-nrw", stored.PartitionKey);
        Assert.StartsWith("v1:", stored.GetString(ProjectionColumns.ReturneeName), StringComparison.Ordinal);
        foreach (var value in rows.SelectMany(r => r.Select(kv => kv.Value)).OfType<string>())
        {
            Assert.DoesNotContain(SubmitBodies.GivenName, value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Jovanovi", value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_row_written_before_the_new_columns_still_reads_with_nulls()
    {
        var table = await _factory.Services.GetRequiredService<ApiTables>().ProjectionsAsync(CancellationToken.None);
        var submitted = DateTimeOffset.UtcNow.AddYears(1);
        var old = new TableEntity(ProjectionPartitions.ForOrganisation("caritas-nrw"), ProjectionPartitions.RowKey(submitted, "oldrow00000000000000"))
        {
            [ProjectionColumns.Id] = "oldrow00000000000000",
            [ProjectionColumns.Revision] = 3L,
            [ProjectionColumns.Status] = "acknowledged",
            [ProjectionColumns.MscId] = "nis",
            [ProjectionColumns.Organisation] = "caritas-nrw",
            [ProjectionColumns.Priority] = "normal",
            [ProjectionColumns.Municipality] = "nis",
            [ProjectionColumns.ExpectedReturnDate] = "2026-12-10",
        };
        await table.AddEntityAsync(old);

        var item = await ItemAsync(_scout, "/api/referrals", "oldrow00000000000000");

        Assert.Equal("Niš", item.MunicipalityName);
        Assert.Null(item.SubmittedAt);
        Assert.Null(item.AcknowledgeBy);
        Assert.Null(item.Returnee);
    }

    [Fact]
    public async Task Dashboard_figures_from_the_report_rows_match_the_calculator_on_the_referrals_themselves()
    {
        var ids = new List<string> { await SubmitAsync("nis"), await SubmitAsync("nis"), await SubmitAsync("Beograd") };
        using (var ack = await _advisor.PostAsJsonAsync($"/api/referrals/{ids[0]}/acknowledge", new { note = "Seen." }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await _factory.RunEffectsAsync();
        var workflow = _factory.Services.GetRequiredService<IWorkflowClient<ReferralState, ReferralCommand>>();
        var states = new List<ReferralState>();
        foreach (var id in await AllIdsAsync())
        {
            states.Add((await workflow.GetStateAsync(id, CancellationToken.None))!);
        }

        using var response = await _coordinator.GetAsync("/api/reports/dashboard?weeks=4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dashboard = (await response.Content.ReadFromJsonAsync<DashboardResponse>(ReferralJson.Options))!;

        var expected = DashboardCalculator.Compute([.. states.Select(s => ReportRow.Of(s, dashboard.AsOf))], dashboard.AsOf,
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Belgrade"), 4);
        Assert.Equal(states.Count, dashboard.ReferralsCounted);
        Assert.Equal(expected.Weeks, dashboard.Weeks);
        Assert.Equal(expected.ReferralsPerWeek.Select(w => new WeeklyCountResponse(w.WeekStart, w.MscId, w.Count)), dashboard.ReferralsPerWeek);
        Assert.Equal(expected.Acknowledgement.Select(a => new AcknowledgementFigureResponse(a.MscId, a.Acknowledged, a.OnTime,
            a.OverdueOpen, a.MedianHoursTaken, a.MedianHoursAllowed, a.OnTimeShare)), dashboard.Acknowledgement);
        Assert.Equal(expected.SmsDelivery.Select(s => new SmsStatusCountResponse(s.Status, s.Count)), dashboard.SmsDelivery);
        Assert.Equal(expected.NeedsByMunicipality.Select(n => (n.MunicipalityCode, n.Need, n.Count)),
            dashboard.NeedsByMunicipality.Select(n => (n.Municipality, n.Need, n.Count)));
        Assert.Contains(dashboard.Acknowledgement, a => a.Msc == "nis" && a.Acknowledged == 1);
        Assert.NotEmpty(dashboard.SmsDelivery);
        Assert.Contains(dashboard.NeedsByMunicipality, n => n.MunicipalityName == "Niš");
    }

    [Fact]
    public async Task The_dashboard_CSV_is_an_attachment_named_by_date_with_the_figures()
    {
        await SubmitAsync("nis");
        await _factory.RunEffectsAsync();
        var today = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _coordinator.GetAsync("/api/reports/dashboard.csv?weeks=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"referrals-dashboard-{today}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DashboardCsv.Header, lines[0]);
        Assert.Contains(lines, l => l.StartsWith("referralsPerWeek,", StringComparison.Ordinal) && l.Contains(",nis,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(SubmitBodies.GivenName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_endpoints_are_for_coordinators_only_and_check_weeks()
    {
        using var anonymous = _factory.CreateClient();
        var failures = new List<string>();
        foreach (var path in new[] { "/api/reports/dashboard", "/api/reports/dashboard.csv" })
        {
            foreach (var (client, expected) in new[] { (anonymous, 401), (_scout, 403), (_advisor, 403), (_coordinator, 200) })
            {
                using var response = await client.GetAsync(path);
                if ((int)response.StatusCode != expected)
                {
                    failures.Add($"{path}: expected {expected}, got {(int)response.StatusCode}");
                }
            }

            using var bad = await _coordinator.GetAsync(path + "?weeks=53");
            await Problems.AssertValidationAsync(bad, "weeks");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_dashboard_reads_the_report_in_one_partition_query()
    {
        await SubmitAsync("nis");
        await SubmitAsync("Beograd");
        await _factory.RunEffectsAsync();
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new ApiTables(new TableServiceClient(azurite.ConnectionString, options),
            _factory.Services.GetRequiredService<IOptions<ApiTablesOptions>>());
        await tables.ProjectionsAsync(CancellationToken.None);
        counter.Reset();

        var figures = await new DashboardReport(tables, TimeProvider.System).ComputeAsync(12, CancellationToken.None);

        Assert.Equal(1, counter.Count);
        Assert.Equal(2, figures.ReferralsCounted);
    }

    private async Task<string> SubmitAsync(string municipality)
    {
        var body = SubmitBodies.Valid(_factory.Services.GetRequiredService<TimeProvider>(), municipality);
        using var response = await _scout.SendAsync(SubmitBodies.Post(body.ToJsonString(), SubmitBodies.NewKey()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<List<string>> AllIdsAsync()
    {
        var page = await _coordinator.GetFromJsonAsync<ReferralListResponse>("/api/referrals?pageSize=200", ReferralJson.Options);
        return [.. page!.Items.Select(i => i.Id)];
    }

    private static async Task<ReferralSummaryResponse> ItemAsync(HttpClient client, string path, string id)
    {
        var page = await client.GetFromJsonAsync<ReferralListResponse>(path, ReferralJson.Options);
        return Assert.Single(page!.Items, i => i.Id == id);
    }
}
