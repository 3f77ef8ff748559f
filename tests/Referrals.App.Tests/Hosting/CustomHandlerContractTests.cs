using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.App.Hosting;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.Hosting;

/// <summary>The custom-handler invocations, posted with the payloads the Azure Functions host sends.</summary>
public sealed class CustomHandlerContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string DispatchMessage = """{"instanceId":"ref-0001"}""";

    private readonly HostingAppFactory _app = new("Development",
        HostingAppFactory.Settings(azurite.ConnectionString, ("Hosting:Mode", "CustomHandler")), new RecordingDigestJob());

    public void Dispose() => _app.Dispose();

    /// <summary>The queue invocation as the host builds it: the message under the binding name, queue metadata
    /// and the sys block.</summary>
    private static string QueueInvocation(JsonNode? message) => new JsonObject
    {
        ["Data"] = new JsonObject { ["message"] = message },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = 1,
            ["ExpirationTime"] = "9999-12-31T23:59:59+00:00",
            ["Id"] = "5c1d6a0e-3f38-4a2e-9d0a-6b7f3b7c2a11",
            ["InsertionTime"] = "2026-11-22T10:00:00+00:00",
            ["NextVisibleTime"] = "2026-11-22T10:00:30+00:00",
            ["PopReceipt"] = "AgAAAAMAAAAAAAAA",
            ["sys"] = new JsonObject
            {
                ["MethodName"] = "OutboxDispatch",
                ["UtcNow"] = "2026-11-22T10:00:00.1234567Z",
                ["RandGuid"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            },
        },
    }.ToJsonString();

    private static string TimerInvocation(string function) => new JsonObject
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = "2026-11-22T09:59:00+00:00",
                    ["Next"] = "2026-11-22T10:01:00+00:00",
                    ["LastUpdated"] = "2026-11-22T09:59:00+00:00",
                },
                ["IsPastDue"] = false,
            },
        },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = "2026-11-22T10:00:00Z" },
        },
    }.ToJsonString();

    private async Task<HttpResponseMessage> InvokeAsync(string function, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        return await _app.CreateClient().PostAsync(new Uri($"/{function}", UriKind.Relative), content);
    }

    private static async Task<JsonElement> ReadInvocationResultAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Empty(body.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        return body;
    }

    public static TheoryData<string, JsonNode?> MessageShapes => new()
    {
        // The documented form: the message text as a JSON string.
        { "documented string", JsonValue.Create(DispatchMessage) },
        // The host serializes a string trigger value once more before it goes into Data.
        { "serialized twice", JsonValue.Create(JsonSerializer.Serialize(DispatchMessage)) },
        // A JSON message may arrive as an object.
        { "JSON object", JsonNode.Parse(DispatchMessage) },
    };

    [Theory]
    [MemberData(nameof(MessageShapes))]
    public async Task OutboxDispatch_with_a_queue_message_dispatches_its_text_and_answers_the_invocation_result(
        string shape, JsonNode? message)
    {
        using var response = await InvokeAsync("OutboxDispatch", QueueInvocation(message));

        var body = await ReadInvocationResultAsync(response);
        Assert.True(_app.Engine.DispatchedMessages.TryDequeue(out var dispatched), shape);
        Assert.Equal(DispatchMessage, JsonNode.Parse(dispatched)!.ToJsonString());
        Assert.Contains("1 performed", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxDispatch_when_the_engine_throws_answers_500_so_the_host_retries()
    {
        _app.Engine.OnDispatchMessage = (_, _) => throw new InvalidOperationException("storage unavailable");

        using var response = await InvokeAsync("OutboxDispatch", QueueInvocation(JsonValue.Create(DispatchMessage)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(_app.Engine.DispatchedMessages);
    }

    [Fact]
    public async Task OutboxDispatch_with_a_message_the_runtime_rejects_completes_with_the_problem_logged()
    {
        _app.Engine.OnDispatchMessage = (_, _) => Task.FromResult(new DispatchResult(0, 0, 0, "the message has no instanceId"));

        using var response = await InvokeAsync("OutboxDispatch", QueueInvocation(JsonValue.Create("""{"other":1}""")));

        var body = await ReadInvocationResultAsync(response);
        Assert.Contains("no instanceId", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxDispatch_without_the_message_binding_is_400_naming_the_binding()
    {
        using var response = await InvokeAsync("OutboxDispatch", """{"Data":{},"Metadata":{"DequeueCount":1}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Data.message", out _));
        Assert.Empty(_app.Engine.DispatchedMessages);
    }

    [Fact]
    public async Task TimerSweep_sweeps_once_and_answers_the_invocation_result()
    {
        using var response = await InvokeAsync("TimerSweep", TimerInvocation("TimerSweep"));

        var body = await ReadInvocationResultAsync(response);
        Assert.Equal(1, _app.Engine.Sweeps);
        Assert.Equal("Swept timers: 2 fired, 1 stale.", body.GetProperty("Logs")[0].GetString());
    }

    [Fact]
    public async Task TimerSweep_when_the_sweep_fails_answers_500()
    {
        _app.Engine.OnSweep = _ => throw new InvalidOperationException("index unreadable");

        using var response = await InvokeAsync("TimerSweep", TimerInvocation("TimerSweep"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, _app.Engine.Sweeps);
    }

    [Fact]
    public async Task DailyDigest_runs_the_registered_digest_job()
    {
        using var response = await InvokeAsync("DailyDigest", TimerInvocation("DailyDigest"));

        await ReadInvocationResultAsync(response);
        var job = (RecordingDigestJob)_app.Services.GetService(typeof(IDailyDigestJob))!;
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task Trigger_routes_accept_only_post()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/TimerSweep", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, _app.Engine.Sweeps);
    }

    private sealed class RecordingDigestJob : IDailyDigestJob
    {
        private int _runs;

        public int Runs => _runs;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
