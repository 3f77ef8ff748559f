using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;

namespace Referrals.Workflow.Tests;

/// <summary>
/// An entity-group transaction must stay inside one partition. Azurite accepts a batch that spans partitions, which
/// Azure rejects, so this looks at every batch on the wire while the reference workflow goes through everything that
/// writes a transaction: commands, timers, effects with follow-ups, parking, an operator's retry, the sweep.
/// </summary>
public sealed partial class TransactionPartitionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();

    [Fact]
    public async Task No_transaction_on_the_wire_spans_two_partitions()
    {
        var clock = RuntimeTestKit.Clock();
        var batches = new BatchRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(batches, HttpPipelinePosition.PerRetry);
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, clock, o => o.EffectMaxAttempts = 1,
            services: s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions)));
        var grace = runtime.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.WakeGrace;
        // Each instance's first SMS fails, and with one attempt allowed it is parked.
        var failed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        runtime.Notifications.Behavior = (context, _) => Task.FromResult<EffectOutcome?>(
            context.Effect.Id == "notify-sms" && failed.TryAdd(context.InstanceId, true) ? EffectOutcome.Retry("503 from provider") : null);
        var ids = Enumerable.Range(0, 3).Select(_ => RuntimeTestKit.NewId()).ToList();

        foreach (var id in ids)
        {
            await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(TimeSpan.FromHours(1)), default);
            await runtime.Client.ExecuteAsync(id, new ExtendOrder(RuntimeTestKit.Start.AddHours(2)), default);
            await runtime.Client.ExecuteAsync(id, new RemindOrder(RuntimeTestKit.Start.AddMinutes(30)), default);
        }

        await runtime.Client.ExecuteAsync(ids[0], new ConfirmOrder(), default);
        await runtime.Client.ExecuteAsync(ids[1], new ExtendOrder(RuntimeTestKit.Start.AddHours(3)), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        foreach (var id in ids)
        {
            Assert.True(await runtime.Coordination.RetryParkedAsync(id, "notify-sms", default));
        }

        await runtime.Engine.RunUntilIdleAsync(default);
        clock.Advance(TimeSpan.FromHours(4));
        await runtime.Engine.RunUntilIdleAsync(default);
        await runtime.Coordination.SweepAsync(clock.GetUtcNow() + grace, default);

        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Expired, OrderStatus.Expired],
            (await Task.WhenAll(ids.Select(id => runtime.Client.GetStateAsync(id, default)))).Select(s => s!.Status));
        var seen = batches.Batches.ToList();
        // Instance commits and the sweep's deletes of the index (several rows of one minute bucket per batch).
        Assert.Contains(seen, b => b.Table == _names.TableName);
        Assert.Contains(seen, b => b.Table == _names.TimerIndexTableName && b.Entities > 1);
        Assert.All(seen, b => Assert.True(b.PartitionKeys.Count == 1,
            $"A batch on {b.Table} spans partitions {string.Join(", ", b.PartitionKeys)}."));
    }

    [Fact]
    public async Task The_recorder_sees_a_batch_that_spans_partitions_which_Azurite_accepts()
    {
        var batches = new BatchRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(batches, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(azurite.ConnectionString, tableOptions).GetTableClient(AzuriteFixture.UniqueName("mixed"));
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("q", "old"));

        await table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r1")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "r2")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("q", "old"), Azure.ETag.All),
        ]);

        var batch = Assert.Single(batches.Batches);
        Assert.Equal(3, batch.Entities);
        Assert.Equal(["p", "q"], batch.PartitionKeys.Order(StringComparer.Ordinal));
    }

    /// <summary>Reads the partition keys of every entity in a batch request (an entity's URL for a delete or an
    /// update, its JSON body for an insert).</summary>
    private sealed partial class BatchRecorder : HttpPipelinePolicy
    {
        private readonly ConcurrentQueue<Batch> _batches = new();

        public IReadOnlyCollection<Batch> Batches => _batches;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is not { } content)
            {
                return;
            }

            using var buffer = new MemoryStream();
            content.WriteTo(buffer, default);
            var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var operations = OperationLine().Matches(body);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match key in UrlPartitionKey().Matches(body))
            {
                keys.Add(Uri.UnescapeDataString(key.Groups[1].Value));
            }

            foreach (Match key in JsonPartitionKey().Matches(body))
            {
                keys.Add(key.Groups[1].Value);
            }

            var tables = operations.Select(operation => operation.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            Assert.True(operations.Count > 0, "A batch request without operations: " + body);
            _batches.Enqueue(new Batch(string.Join(",", tables), operations.Count, keys));
        }

        // "POST http://host/account/table?$format=... HTTP/1.1" or ".../table(PartitionKey='p',RowKey='r') HTTP/1.1"
        [GeneratedRegex(@"^(?:POST|PUT|MERGE|PATCH|DELETE) \S*/([A-Za-z0-9]+)(?:\([^)\s]*\))?(?:\?\S*)? HTTP/1\.1", RegexOptions.Multiline)]
        private static partial Regex OperationLine();

        [GeneratedRegex(@"PartitionKey=(?:'|%27)([^'%]*)(?:'|%27)")]
        private static partial Regex UrlPartitionKey();

        [GeneratedRegex("\"PartitionKey\"\\s*:\\s*\"([^\"]*)\"")]
        private static partial Regex JsonPartitionKey();
    }

    private sealed record Batch(string Table, int Entities, IReadOnlySet<string> PartitionKeys);
}
