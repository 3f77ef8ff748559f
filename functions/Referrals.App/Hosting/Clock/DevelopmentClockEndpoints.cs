using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referrals.Workflow;

namespace Referrals.App.Hosting.Clock;

/// <summary><c>GET /dev/clock</c> and <c>POST /dev/clock/advance</c>; mapped in Development only.</summary>
public static partial class DevelopmentClockEndpoints
{
    public static Ok<ClockReading> Read(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TypedResults.Ok(new ClockReading(clock.GetUtcNow().UtcDateTime));
    }

    public static async Task<Results<Ok<ClockReading>, ProblemHttpResult>> AdvanceAsync(
        AdvanceClockRequest? request,
        TimeProvider clock,
        [FromServices] IWorkflowCatchUp catchUp,
        IOptions<HostingOptions> options,
        ILogger<DevelopmentClock> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(catchUp);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsoDuration.TryParse(request?.By, out var by, out var error))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["by"] = [error!] })
            {
                Title = "The clock advance is not valid.",
                Status = StatusCodes.Status400BadRequest,
            });
        }

        if (clock is not DevelopmentClock developmentClock)
        {
            return TypedResults.Problem(
                title: "The clock is not controllable.",
                detail: "Set Hosting:ControllableClock to true (the Development default) to advance it.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var now = developmentClock.Advance(by);
        Log.Advanced(logger, by, now);

        // The cap runs on real time: the advanced clock must not cut its own wait short.
        var idleTimeout = options.Value.DevClockIdleTimeout;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(idleTimeout);
        try
        {
            await catchUp.CatchUpAsync(cancellation.Token).WaitAsync(idleTimeout, TimeProvider.System, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is TimeoutException or OperationCanceledException)
        {
            Log.NotIdle(logger, idleTimeout);
            return TypedResults.Problem(
                title: "The workflow did not catch up in time.",
                detail: $"The clock moved to {now.UtcDateTime:O}, but due timers and their effects were still being " +
                    $"processed after {idleTimeout.TotalSeconds:0.#} s. They go on in the background; read the clock " +
                    "again or retry with P0D.",
                statusCode: StatusCodes.Status504GatewayTimeout);
        }

        return TypedResults.Ok(new ClockReading(developmentClock.GetUtcNow().UtcDateTime));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Development clock advanced by {By}; now {Now:O}.")]
        public static partial void Advanced(ILogger logger, TimeSpan by, DateTimeOffset now);

        [LoggerMessage(2, LogLevel.Warning, "The workflow was not idle within {Timeout} after a clock advance.")]
        public static partial void NotIdle(ILogger logger, TimeSpan timeout);
    }
}

/// <summary>The body of <c>POST /dev/clock/advance</c>: <c>{"by":"P3D"}</c>.</summary>
public sealed record AdvanceClockRequest(string? By);

/// <summary>What the clock endpoints answer: <c>{"now":"…Z"}</c>.</summary>
public sealed record ClockReading(DateTime Now);
