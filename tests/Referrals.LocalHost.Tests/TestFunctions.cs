using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Referrals.Functions.Coordination;

namespace Referrals.LocalHost.Tests;

// Functions that exist only for tests, described by test-only metadata (TestMetadata), so the host's bindings can be
// exercised beyond what the app uses today.

/// <summary>Route value, durable client and cancellation token on one HTTP function, returning an IResult.</summary>
public sealed class WakeReferralHttp
{
    public const string FunctionName = "TestWakeReferral";

    [Function(FunctionName)]
    public static async Task<IResult> WakeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "test/referrals/{id}/wake")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.RaiseEventAsync(id, ReferralCoordinator.ChangedEvent, new ReferralChanged(DateTimeOffset.UtcNow), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}

/// <summary>A route value converted to int, and an IActionResult.</summary>
public sealed class NumberHttp
{
    public const string FunctionName = "TestNumber";

    [Function(FunctionName)]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "test/numbers/{number}")] HttpRequest request, int number) =>
        new OkObjectResult(new NumberReply(number, number * 2));
}

public sealed record NumberReply(int Number, int Twice);

/// <summary>Records each run; its schedule comes from a setting.</summary>
public sealed class TickTimer(TickRecorder recorder)
{
    public const string FunctionName = "TestTick";

    [Function(FunctionName)]
    public Task RunAsync(
        [TimerTrigger("%TestTickSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        recorder.Record(timer, client);
        return Task.CompletedTask;
    }
}

public sealed class TickRecorder
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimerInfo> _ticks = new();

    public int Count => _ticks.Count;

    public bool ClientWasBound { get; private set; }

    public void Record(TimerInfo timer, DurableTaskClient client)
    {
        ClientWasBound |= client is not null;
        _ticks.Enqueue(timer);
    }

    public TimerInfo[] Ticks => [.. _ticks];
}

/// <summary>Functions the host must refuse, each named by a refusal test's metadata.</summary>
public sealed class UnsupportedFunctions
{
    [Function("TestWithFunctionContext")]
    public IResult WithFunctionContext(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, FunctionContext context) => Results.Ok();

    [Function("TestReturnsText")]
    public string ReturnsText([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "text";
}
