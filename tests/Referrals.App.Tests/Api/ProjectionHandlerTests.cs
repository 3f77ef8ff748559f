using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Reports;
using Referrals.App.Api.Storage;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>
/// The projection handler on Azurite. It is an inline effect, so a referral's projections may be written at the same
/// moment by a command's after-commit work and by coordinator steps: a lost race is read again and retried at once,
/// and an older revision never overwrites a newer one.
/// </summary>
public sealed class ProjectionHandlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_submitted = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_projection_handler_is_performed_inline()
    {
        var (handler, _, _) = Create();

        Assert.True(handler.PerformsInline);
    }

    [Fact]
    public async Task A_report_write_that_loses_a_race_reads_again_and_lands()
    {
        var (handler, table, interference) = Create();
        var id = "r" + Guid.NewGuid().ToString("N")[..19];
        await table.CreateIfNotExistsAsync();
        Assert.Equal(EffectOutcome.Done(), await handler.HandleAsync(Context(id, revision: 2), default));
        // Just before the next conditional write, another writer puts revision 3 there, once.
        interference.Limit = 1;
        interference.BeforeConditionalWrite = async () =>
            await Direct(table).UpdateEntityAsync(Report(id, 3), ETag.All, TableUpdateMode.Replace);

        var outcome = await handler.HandleAsync(Context(id, revision: 4), default);

        Assert.Equal(EffectOutcome.Done(), outcome);
        Assert.Equal(1, interference.Interfered);
        var row = await table.GetEntityAsync<TableEntity>(ReportColumns.Partition, ProjectionPartitions.RowKey(s_submitted, id));
        Assert.Equal(4, row.Value.GetInt64(ProjectionColumns.Revision));
    }

    [Fact]
    public async Task An_older_revision_after_a_lost_race_leaves_the_newer_row_alone()
    {
        var (handler, table, interference) = Create();
        var id = "r" + Guid.NewGuid().ToString("N")[..19];
        await table.CreateIfNotExistsAsync();
        await handler.HandleAsync(Context(id, revision: 2), default);
        interference.Limit = 1;
        interference.BeforeConditionalWrite = async () =>
            await Direct(table).UpdateEntityAsync(Report(id, 5), ETag.All, TableUpdateMode.Replace);

        var outcome = await handler.HandleAsync(Context(id, revision: 4), default);

        Assert.Equal(EffectOutcome.Done(), outcome);
        var row = await table.GetEntityAsync<TableEntity>(ReportColumns.Partition, ProjectionPartitions.RowKey(s_submitted, id));
        Assert.Equal(5, row.Value.GetInt64(ProjectionColumns.Revision));
    }

    [Fact]
    public async Task A_row_that_keeps_changing_is_a_retry_for_the_coordinator()
    {
        var (handler, table, interference) = Create();
        var id = "r" + Guid.NewGuid().ToString("N")[..19];
        await table.CreateIfNotExistsAsync();
        await handler.HandleAsync(Context(id, revision: 2), default);
        var revision = 2L;
        // Every conditional write finds the row changed under it (each time to a revision still older than 9).
        interference.BeforeConditionalWrite = async () =>
            await Direct(table).UpdateEntityAsync(Report(id, Interlocked.Increment(ref revision)), ETag.All, TableUpdateMode.Replace);

        var outcome = await handler.HandleAsync(Context(id, revision: 9), default);

        Assert.IsType<EffectRetry>(outcome);
        Assert.Equal(3, interference.Interfered);
    }

    private (ReferralProjectionHandler Handler, TableClient Table, Interference Interference) Create()
    {
        var interference = new Interference();
        var options = new TableClientOptions();
        options.AddPolicy(interference, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var names = new ApiTablesOptions { Projections = AzuriteFixture.UniqueName("views") };
        var handler = new ReferralProjectionHandler(new ApiTables(service, Options.Create(names)), NoPayloadProtection.Instance);
        return (handler, service.GetTableClient(names.Projections), interference);
    }

    private TableClient Direct(TableClient table) => new(azurite.ConnectionString, table.Name);

    private static TableEntity Report(string id, long revision) =>
        ReportColumns.ToEntity(ProjectionPartitions.RowKey(s_submitted, id), Projection(id, revision), Facts());

    private static EffectContext Context(string id, long revision) =>
        new(id, EffectRequest.Create(ReferralEffects.UpdateProjection, $"projection-{revision}", Projection(id, revision)), 0);

    private static ReferralProjection Projection(string id, long revision) =>
        new(id, revision, ReferralStatus.AwaitingAcknowledgement, "nis", "caritas-nrw", "scout-1", Priority.Normal, "nis",
            new DateOnly(2026, 12, 10), null, s_submitted, null, false, 0, s_submitted.AddMinutes(revision),
            Report: Facts(), ReportOnly: true);

    private static ReferralReportFacts Facts() =>
        new("nis", "nis", s_submitted, null, [Need.Employment], [new SmsStatusTally(MessageStatus.Sent, 1)]);

    /// <summary>Runs <see cref="BeforeConditionalWrite"/> before each conditional (If-Match) write of a row.</summary>
    private sealed class Interference : HttpPipelinePolicy
    {
        private int _interfered;

        public Func<Task>? BeforeConditionalWrite { get; set; }

        /// <summary>How many writes to interfere with at most.</summary>
        public int Limit { get; set; } = int.MaxValue;

        public int Interfered => Math.Min(_interfered, Limit);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The handler is asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (BeforeConditionalWrite is { } interfere && message.Request.Method == RequestMethod.Put
                && message.Request.Headers.TryGetValue("If-Match", out var etag) && etag != "*"
                && Interlocked.Increment(ref _interfered) <= Limit)
            {
                await interfere();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
