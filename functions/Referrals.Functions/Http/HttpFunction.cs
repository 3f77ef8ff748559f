using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.DurableTask.Client;
using Referrals.App.Api;
using Referrals.Functions.Coordination;

namespace Referrals.Functions.Http;

/// <summary>
/// What middleware would do around each endpoint, done explicitly because the isolated worker's pipeline
/// takes no middleware of ours: an exception (bad JSON, a body Kestrel refused, a client that went away, a bug)
/// becomes its problem details. Problem bodies get their type and trace id from the problem details service
/// AddReferralsApi configures.
/// </summary>
public static class HttpFunction
{
    public static async Task<IResult> RunAsync<TResult>(HttpRequest request, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (Exception exception)
        {
            var logger = request.HttpContext.RequestServices.GetRequiredService<ILogger<ApiExceptions.Category>>();
            return TypedResults.Problem(ApiExceptions.Describe(request.HttpContext, exception, logger));
        }
    }

    /// <summary>For a function that may commit: the handler's commits wake referral coordinators through
    /// <paramref name="durable"/>, the client of this invocation's <c>[DurableClient]</c> binding.</summary>
    public static async Task<IResult> RunAsync<TResult>(HttpRequest request, DurableTaskClient durable, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        using var _ = DurableClientAccessor.Use(durable);
        return await RunAsync(request, handler);
    }

    /// <summary>A 404 with a problem body, as every API error has.</summary>
    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    /// <summary>A query value as minimal-API binding gave it to a <c>string?</c>: absent is null, repeated values
    /// are joined with commas.</summary>
    public static string? Query(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[name];
    }
}
