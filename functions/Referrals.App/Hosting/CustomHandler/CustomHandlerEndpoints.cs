using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Referrals.Workflow;

namespace Referrals.App.Hosting.CustomHandler;

/// <summary>
/// The non-HTTP functions as the Azure Functions host invokes them: <c>POST /{FunctionName}</c> with
/// <c>{"Data":…,"Metadata":…}</c>. Each is a thin adapter over the same service standalone mode calls. A 2xx answer
/// completes the invocation; anything else fails it, so the host retries a queue message and, after
/// maxDequeueCount attempts, moves it to the poison queue.
/// </summary>
internal static partial class CustomHandlerEndpoints
{
    public static IEndpointRouteBuilder MapCustomHandlerTriggers(this IEndpointRouteBuilder endpoints)
    {
        // Reached only from the Functions host over loopback: the public HTTP function forwards api/* and healthz.
        var group = endpoints.MapGroup("").ExcludeFromDescription();
        group.MapPost($"/{FunctionNames.OutboxDispatch}", DispatchAsync);
        group.MapPost($"/{FunctionNames.TimerSweep}", SweepAsync);
        group.MapPost($"/{FunctionNames.DailyDigest}", DigestAsync);
        return endpoints;
    }

    private static async Task<IResult> DispatchAsync(
        FunctionInvocation invocation,
        [FromServices] IWorkflowEngine engine,
        ILogger<FunctionInvocation> logger,
        CancellationToken cancellationToken)
    {
        if (!QueueTriggerMessage.TryRead(invocation, FunctionNames.QueueMessageBinding, out var message))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [$"Data.{FunctionNames.QueueMessageBinding}"] = ["The queue message text is missing or empty."],
            })
            {
                Title = "The OutboxDispatch invocation has no queue message.",
                Status = StatusCodes.Status400BadRequest,
            });
        }

        var messageId = MetadataText(invocation, "Id");
        var dequeueCount = MetadataText(invocation, "DequeueCount");
        return await InvokeAsync(FunctionNames.OutboxDispatch, logger, async () =>
        {
            var result = await engine.DispatchMessageAsync(message, cancellationToken);
            if (result.Problem is not null)
            {
                // The runtime judged the message unusable; retrying cannot help, and the outbox rows stay the truth.
                Log.MessageRejected(logger, messageId, dequeueCount, result.Problem);
                return $"Dispatch message {messageId} was not usable: {result.Problem}";
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"Dispatched message {messageId} (attempt {dequeueCount}): {result.Performed} performed, " +
                $"{result.Retrying} retrying, {result.Parked} parked.");
        });
    }

    private static Task<IResult> SweepAsync(
        FunctionInvocation invocation,
        [FromServices] IWorkflowEngine engine,
        ILogger<FunctionInvocation> logger,
        CancellationToken cancellationToken) =>
        InvokeAsync(FunctionNames.TimerSweep, logger, async () =>
        {
            var result = await engine.SweepAsync(cancellationToken);
            return string.Create(CultureInfo.InvariantCulture,
                $"Swept timers: {result.Fired} fired, {result.Stale} stale.");
        });

    private static Task<IResult> DigestAsync(
        FunctionInvocation invocation,
        [FromServices] IDailyDigestJob job,
        ILogger<FunctionInvocation> logger,
        CancellationToken cancellationToken) =>
        InvokeAsync(FunctionNames.DailyDigest, logger, async () =>
        {
            await job.RunAsync(cancellationToken);
            return "Daily digest job ran.";
        });

    private static async Task<IResult> InvokeAsync(string function, ILogger logger, Func<Task<string>> run)
    {
        try
        {
            var summary = await run();
            return TypedResults.Json(FunctionInvocationResult.Completed(summary), FunctionInvocationResult.SerializerOptions);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.InvocationFailed(logger, function, exception);
            return TypedResults.Problem(
                title: $"{function} failed.",
                detail: "The invocation failed; the Functions host retries it.",
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static string MetadataText(FunctionInvocation invocation, string key) =>
        invocation.Metadata is not null && invocation.Metadata.TryGetValue(key, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "?" : value.GetRawText()
            : "?";

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Custom-handler invocation {Function} failed.")]
        public static partial void InvocationFailed(ILogger logger, string function, Exception exception);

        [LoggerMessage(2, LogLevel.Warning,
            "Dispatch queue message {MessageId} (attempt {DequeueCount}) was not usable: {Problem}")]
        public static partial void MessageRejected(ILogger logger, string messageId, string dequeueCount, string problem);
    }
}
