using System.Collections.Concurrent;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Testing;
using Referrals.Testing.ReferenceWorkflow;
using Referrals.Workflow.Storage;

namespace Referrals.Workflow.Tests;

/// <summary>
/// The timeline lives in page rows that commits merge into and readers fetch by point reads: order, size limits,
/// concurrent writers and privacy must come out as they did with one row per event, and the read the API uses must
/// never query the table.
/// </summary>
public sealed class TimelinePageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuntimeTestKit.Start;
    private readonly WorkflowOptions _names = ReferenceRuntime.UniqueOptions();
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = azurite.TableService().GetTableClient(_names.TableName);
        await _table.CreateIfNotExistsAsync();
        await azurite.TableService().GetTableClient(_names.TimerIndexTableName).CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void A_page_takes_events_until_the_next_would_pass_its_property_limit()
    {
        var cursor = default(TimelineCursor);
        var small = TimelinePages.EventProperties(1, Now, "noted", "x");

        for (var i = 0; i < TimelinePages.MaxPropertiesPerPage; i++)
        {
            cursor = cursor.Place(small, out var page);
            Assert.Equal(0, page);
        }

        cursor = cursor.Place(small, out var next);
        Assert.Equal(1, next);
        Assert.Equal(new TimelineCursor(1, 1, TimelinePages.Chars(small)), cursor);
    }

    [Fact]
    public void A_page_takes_events_until_the_next_would_pass_its_character_limit()
    {
        var big = TimelinePages.EventProperties(1, Now, "noted", new string('x', 150_000));
        var cursor = default(TimelineCursor);

        cursor = cursor.Place(big, out var first);
        cursor = cursor.Place(big, out var second);
        cursor = cursor.Place(big, out var third);

        Assert.Equal([0, 0, 1], [first, second, third]);
        Assert.Equal(2, cursor.PageCount);
    }

    [Fact]
    public void An_event_longer_than_one_property_is_split_and_read_back_whole()
    {
        var payload = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + (i % 26))));
        var protectedPayload = TimelinePages.ProtectPayload(
            new WorkflowEvent("noted", "someone", new Dictionary<string, string?> { ["text"] = payload }), NoPayloadProtection.Instance);
        var properties = TimelinePages.EventProperties(7, Now, "noted", protectedPayload);
        var page = new TableEntity("p", "r");
        foreach (var (name, value) in properties)
        {
            page[name] = value;
        }

        var recorded = Assert.Single(TimelinePages.Read("p", [page], nextSequence: 8, NoPayloadProtection.Instance));

        Assert.True(properties.Count > 3);
        Assert.All(properties, p => Assert.True(p.Value.Length <= TimelinePages.MaxCharsPerProperty));
        Assert.Equal(7, recorded.Sequence);
        Assert.Equal(Now, recorded.At);
        Assert.Equal("someone", recorded.Actor);
        Assert.Equal(payload, recorded.Detail["text"]);
    }

    [Fact]
    public async Task Many_events_over_several_commits_fill_several_pages_and_read_back_in_order()
    {
        var store = Store(azurite.TableService());
        var id = RuntimeTestKit.NewId();

        for (var commit = 0; commit < 6; commit++)
        {
            var partition = commit == 0
                ? InstancePartition<Counter>.New(id, NoPayloadProtection.Instance)
                : await store.LoadAsync<Counter>(id, default);
            partition.Apply(Decision<Counter>.Accept(new Counter(commit),
                [.. Enumerable.Range(0, 100).Select(i => Noted($"{commit}-{i}"))]), Now.AddMinutes(commit));
            Assert.True(await store.TryCommitAsync(partition, default));
        }

        var timeline = await store.LoadStateAndTimelineAsync<Counter>(id, default);

        Assert.NotNull(timeline);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), timeline.Events.Select(e => e.Sequence));
        Assert.Equal("0-0", timeline.Events[0].Detail["text"]);
        Assert.Equal("5-99", timeline.Events[^1].Detail["text"]);
        Assert.Equal(Now.AddMinutes(5), timeline.Events[^1].At);
        Assert.Equal([RowKeys.TimelinePage(0), RowKeys.TimelinePage(1), RowKeys.TimelinePage(2)], await PageKeysAsync(id));
    }

    [Fact]
    public async Task Events_near_and_over_the_property_size_are_stored_across_pages_and_read_back_whole()
    {
        var store = Store(azurite.TableService());
        var id = RuntimeTestKit.NewId();
        int[] lengths = [32 * 1024 - 200, 32 * 1024, 32 * 1024 + 1, 150_000, 150_000, 150_000, 300_000, 10];
        var texts = lengths.Select((length, i) => new string((char)('a' + i), length)).ToList();

        var partition = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        partition.Apply(Decision<Counter>.Accept(new Counter(1), [.. texts.Take(4).Select(Noted)]), Now);
        Assert.True(await store.TryCommitAsync(partition, default));
        partition = await store.LoadAsync<Counter>(id, default);
        partition.Apply(Decision<Counter>.Accept(new Counter(2), [.. texts.Skip(4).Select(Noted)]), Now);
        Assert.True(await store.TryCommitAsync(partition, default));

        var timeline = await store.LoadStateAndTimelineAsync<Counter>(id, default);

        Assert.Equal(texts, timeline!.Events.Select(e => e.Detail["text"]));
        Assert.Equal(Enumerable.Range(1, texts.Count).Select(i => (long)i), timeline.Events.Select(e => e.Sequence));
        Assert.True((await PageKeysAsync(id)).Count >= 3);
    }

    [Fact]
    public void An_event_too_large_for_any_page_is_refused_before_anything_changes()
    {
        var partition = InstancePartition<Counter>.New(RuntimeTestKit.NewId(), NoPayloadProtection.Instance);

        Assert.Throws<InvalidOperationException>(() => partition.Apply(
            Decision<Counter>.Accept(new Counter(1), [Noted("fine"), Noted(new string('x', TimelinePages.MaxCharsPerPage))]), Now));

        Assert.False(partition.HasChanges);
        Assert.Equal(1, partition.NextSequence);
        Assert.Equal(default, partition.Timeline);
    }

    [Fact]
    public async Task Concurrent_writers_crossing_pages_each_land_their_events_once_and_in_one_block()
    {
        var store = Store(azurite.TableService());
        var id = RuntimeTestKit.NewId();
        var first = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        first.Apply(Decision<Counter>.Accept(new Counter(0), [Noted("start")]), Now);
        Assert.True(await store.TryCommitAsync(first, default));
        var conflicts = 0;
        // Every writer reads before any commits, so all but one must lose the first round and retry.
        var firstReads = new List<InstancePartition<Counter>>();
        for (var writer = 0; writer < 8; writer++)
        {
            firstReads.Add(await store.LoadAsync<Counter>(id, default));
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var partition = firstReads[writer];
            while (true)
            {
                partition.Apply(Decision<Counter>.Accept(partition.State! with { Value = partition.State.Value + 1 },
                    [.. Enumerable.Range(0, 50).Select(i => Noted($"{writer}:{i}"))]), Now);
                if (await store.TryCommitAsync(partition, default))
                {
                    return;
                }

                Interlocked.Increment(ref conflicts);
                partition = await store.LoadAsync<Counter>(id, default);
            }
        })));

        var timeline = await store.LoadStateAndTimelineAsync<Counter>(id, default);
        Assert.Equal(8, timeline!.State.Value);
        Assert.Equal(Enumerable.Range(1, 401).Select(i => (long)i), timeline.Events.Select(e => e.Sequence));
        var writers = timeline.Events.Skip(1).Select(e => e.Detail["text"]!.Split(':')).ToList();
        for (var block = 0; block < 8; block++)
        {
            var texts = writers.Skip(block * 50).Take(50).ToList();
            Assert.Single(texts.Select(t => t[0]).Distinct());
            Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), texts.Select(t => t[1]));
        }

        Assert.Equal(8, writers.Select(t => t[0]).Distinct().Count());
        Assert.True(conflicts >= 7, $"only {conflicts} conflicts: the first round should have had seven losers");
        Assert.Equal([RowKeys.TimelinePage(0), RowKeys.TimelinePage(1)], await PageKeysAsync(id));
    }

    [Fact]
    public async Task Reading_an_instance_that_does_not_exist_gives_null_and_one_without_events_reads_no_more_than_page_zero()
    {
        var recorder = new RequestRecorder();
        var store = Store(RecordingTables(recorder));
        var id = RuntimeTestKit.NewId();
        var partition = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        partition.Apply(Decision<Counter>.Accept(new Counter(1)), Now);
        Assert.True(await store.TryCommitAsync(partition, default));

        Assert.Null(await store.LoadStateAndTimelineAsync<Counter>(RuntimeTestKit.NewId(), default));
        recorder.Clear();
        var timeline = await store.LoadStateAndTimelineAsync<Counter>(id, default);

        Assert.Empty(timeline!.Events);
        Assert.Equal(1, timeline.State.Value);
        // The state row and the first page are read together; the page does not exist yet.
        Assert.Equal(2, recorder.Requests.Count);
        Assert.Empty(await PageKeysAsync(id));
    }

    [Fact]
    public async Task A_page_the_state_row_counts_but_storage_lacks_makes_the_instance_unreadable()
    {
        var store = Store(azurite.TableService());
        var id = RuntimeTestKit.NewId();
        var partition = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        partition.Apply(Decision<Counter>.Accept(new Counter(1), [Noted("one")]), Now);
        Assert.True(await store.TryCommitAsync(partition, default));
        await _table.DeleteEntityAsync(id, RowKeys.Stored(id, RowKeys.TimelinePage(0)));

        var error = await Assert.ThrowsAsync<WorkflowStateUnreadableException>(
            () => store.LoadStateAndTimelineAsync<Counter>(id, default));

        Assert.Equal(id, error.InstanceId);
    }

    [Fact]
    public async Task A_brand_new_instance_reads_back_its_first_event_from_page_zero()
    {
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock());
        var id = RuntimeTestKit.NewId();

        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        var timeline = await runtime.Client.GetTimelineAsync(id, default);

        var placed = Assert.Single(timeline!.Events);
        Assert.Equal(1, placed.Sequence);
        Assert.Equal("placed", placed.Type);
        Assert.Equal("Tea", placed.Detail["item"]);
        Assert.Equal([RowKeys.TimelinePage(0)], await PageKeysAsync(id));
    }

    [Fact]
    public async Task Event_payloads_are_stored_as_ciphertext_in_the_page()
    {
        var protector = new MarkingProtector();
        var store = Store(azurite.TableService(), protector);
        var id = RuntimeTestKit.NewId();
        var partition = InstancePartition<Counter>.New(id, protector);
        partition.Apply(Decision<Counter>.Accept(new Counter(1), [new WorkflowEvent("noted", "advisor-7",
            new Dictionary<string, string?> { ["text"] = "Jelena Petrović +381641234567" })]), Now);
        Assert.True(await store.TryCommitAsync(partition, default));

        var page = await _table.GetEntityAsync<TableEntity>(id, RowKeys.Stored(id, RowKeys.TimelinePage(0)));
        var stored = string.Concat(page.Value.Where(p => p.Key.StartsWith('E')).Select(p => (string)p.Value));

        Assert.Contains(MarkingProtector.Marker, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Jelena", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("381641234567", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("advisor-7", stored, StringComparison.Ordinal);
        Assert.Equal("Jelena Petrović +381641234567",
            Assert.Single((await store.LoadStateAndTimelineAsync<Counter>(id, default))!.Events).Detail["text"]);
    }

    [Fact]
    public async Task The_timeline_read_issues_point_reads_only_two_for_a_one_page_instance()
    {
        var recorder = new RequestRecorder();
        var recordingTables = RecordingTables(recorder);
        await using var runtime = await RuntimeTestKit.StartAsync(azurite, _names, RuntimeTestKit.Clock(),
            services: services => services.AddSingleton(recordingTables));
        var id = RuntimeTestKit.NewId();
        await runtime.Client.ExecuteAsync(id, RuntimeTestKit.Place(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        await runtime.Client.ExecuteAsync(id, new ConfirmOrder(), default);
        await runtime.Engine.RunUntilIdleAsync(default);
        recorder.Clear();

        var timeline = await runtime.Client.GetTimelineAsync(id, default);

        Assert.Equal("placed", timeline!.Events[0].Type);
        Assert.Contains(timeline.Events, e => e.Type == "confirmed");
        Assert.Equal(Enumerable.Range(1, timeline.Events.Count).Select(i => (long)i), timeline.Events.Select(e => e.Sequence));
        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, request =>
        {
            Assert.Equal("GET", request.Method);
            Assert.DoesNotContain("$filter", Uri.UnescapeDataString(request.Uri.Query), StringComparison.Ordinal);
            Assert.Contains("RowKey=", Uri.UnescapeDataString(request.Uri.AbsolutePath), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_timeline_read_of_a_several_page_instance_is_one_point_read_a_page_more()
    {
        var recorder = new RequestRecorder();
        var store = Store(RecordingTables(recorder));
        var id = RuntimeTestKit.NewId();
        var partition = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        partition.Apply(Decision<Counter>.Accept(new Counter(1),
            [.. Enumerable.Range(0, 2 * TimelinePages.MaxPropertiesPerPage + 1).Select(i => Noted(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]), Now);
        Assert.True(await store.TryCommitAsync(partition, default));
        recorder.Clear();

        var timeline = await store.LoadStateAndTimelineAsync<Counter>(id, default);

        Assert.Equal(2 * TimelinePages.MaxPropertiesPerPage + 1, timeline!.Events.Count);
        Assert.Equal(4, recorder.Requests.Count);
        Assert.DoesNotContain(recorder.Requests, r => Uri.UnescapeDataString(r.Uri.Query).Contains("$filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commit_between_the_page_read_and_the_state_read_loses_no_event_the_state_counts()
    {
        var id = RuntimeTestKit.NewId();
        var writer = Store(azurite.TableService());
        var first = InstancePartition<Counter>.New(id, NoPayloadProtection.Instance);
        first.Apply(Decision<Counter>.Accept(new Counter(1), [Noted("first")]), Now);
        Assert.True(await writer.TryCommitAsync(first, default));
        var interleave = new CommitBetweenReads(id, async () =>
        {
            var second = await writer.LoadAsync<Counter>(id, default);
            second.Apply(Decision<Counter>.Accept(new Counter(2), [Noted("second")]), Now.AddMinutes(1));
            Assert.True(await writer.TryCommitAsync(second, default));
        });
        var options = new TableClientOptions();
        options.AddPolicy(interleave, HttpPipelinePosition.PerRetry);
        var reader = Store(new TableServiceClient(azurite.ConnectionString, options));

        var timeline = await reader.LoadStateAndTimelineAsync<Counter>(id, default);

        Assert.True(interleave.Interleaved);
        Assert.Equal(new Counter(2), timeline!.State);
        Assert.Equal(["first", "second"], timeline.Events.Select(e => e.Detail["text"]));
    }

    private InstanceStore Store(TableServiceClient tables, IPayloadProtector? protector = null) =>
        new(tables, new TimerIndex(tables, Options.Create(_names)), Options.Create(_names), protector ?? NoPayloadProtection.Instance);

    private TableServiceClient RecordingTables(RequestRecorder recorder)
    {
        var options = new TableClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerRetry);
        return new TableServiceClient(azurite.ConnectionString, options);
    }

    private async Task<List<string>> PageKeysAsync(string id)
    {
        var prefix = RowKeys.TimelinePagePrefix;
        var rows = await _table.QueryAsync<TableEntity>(e => e.PartitionKey == id, select: ["RowKey"]).ToListAsync();
        return [.. rows.Select(r => RowKeys.InPartition(id, r.RowKey)!).Where(key => key.StartsWith(prefix, StringComparison.Ordinal))];
    }

    private static WorkflowEvent Noted(string text) =>
        new("noted", "someone", new Dictionary<string, string?> { ["text"] = text });

    public sealed record Counter(int Value);

    /// <summary>Records the method and address of every request on the wire.</summary>
    private sealed class RequestRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<(string Method, Uri Uri)> _requests = new();

        public IReadOnlyList<(string Method, Uri Uri)> Requests => [.. _requests];

        public void Clear() => _requests.Clear();

        public override void OnSendingRequest(HttpMessage message) =>
            _requests.Enqueue((message.Request.Method.Method, message.Request.Uri.ToUri()));
    }

    /// <summary>A reversible stand-in for encryption that leaves no plaintext and marks what it protected.</summary>
    /// <summary>Holds the first state-row read until the first page-0 read has answered, and runs a commit in
    /// between: the race a reader of both rows in parallel must survive.</summary>
    private sealed class CommitBetweenReads(string instanceId, Func<Task> commit) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _pageRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pageReads;
        private int _stateReads;

        public bool Interleaved { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store reads asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.Path);
            if (path.Contains($"RowKey='{RowKeys.Stored(instanceId, RowKeys.State)}'", StringComparison.Ordinal)
                && Interlocked.Increment(ref _stateReads) == 1)
            {
                await _pageRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await commit();
                Interleaved = true;
                await ProcessNextAsync(message, pipeline);
                return;
            }

            await ProcessNextAsync(message, pipeline);
            if (path.Contains($"RowKey='{RowKeys.Stored(instanceId, RowKeys.TimelinePage(0))}'", StringComparison.Ordinal)
                && Interlocked.Increment(ref _pageReads) == 1)
            {
                _pageRead.SetResult();
            }
        }
    }

    private sealed class MarkingProtector : IPayloadProtector
    {
        public const string Marker = "protected:";

        public string Protect(string plaintext) => Marker + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

        public string Unprotect(string stored) => Encoding.UTF8.GetString(Convert.FromBase64String(stored[Marker.Length..]));
    }
}
