using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.App.Api;
using Referrals.App.Hosting;
using Referrals.App.Hosting.Clock;
using Referrals.App.Security;
using Referrals.Workflow;

namespace Referrals.Functions.Http;

/// <summary>
/// <c>/dev/token</c>, <c>/dev/clock</c>, <c>/dev/clock/advance</c>. A function is in the metadata in every
/// environment, so each checks the environment itself and answers 404 outside Development; /dev/token also only
/// while the Development issuer signs the tokens.
/// </summary>
public sealed class DevFunctions(
    IHostEnvironment environment,
    IOptions<AuthOptions> auth,
    DevTokenIssuer issuer,
    TimeProvider clock,
    IWorkflowCatchUp catchUp,
    IOptions<HostingOptions> hosting,
    ILogger<DevelopmentClock> logger)
{
    [Function("IssueDevToken")]
    public Task<IResult> TokenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/token")] HttpRequest request,
        CancellationToken cancellationToken) =>
        auth.Value.UsesDevIssuer(environment.IsDevelopment())
            ? HttpFunction.RunAsync(request, () => DevTokenApi.IssueAsync(request, issuer, cancellationToken))
            : Task.FromResult(HttpFunction.NotFound());

    [Function("ReadDevClock")]
    public IResult ReadClock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/clock")] HttpRequest request) =>
        environment.IsDevelopment() ? DevelopmentClockEndpoints.Read(clock) : HttpFunction.NotFound();

    [Function("AdvanceDevClock")]
    public Task<IResult> AdvanceClockAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/clock/advance")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!environment.IsDevelopment())
        {
            return Task.FromResult(HttpFunction.NotFound());
        }

        return HttpFunction.RunAsync(request, durable, async () =>
        {
            // No body is an advance without a duration (400 naming "by"), as the minimal API's optional body was.
            AdvanceClockRequest? body = null;
            if (request.ContentLength is not 0)
            {
                var read = await JsonBody.ReadAsync<AdvanceClockRequest>(request, cancellationToken);
                if (read.Problem is { } problem)
                {
                    return (IResult)problem;
                }

                body = read.Value;
            }

            return await DevelopmentClockEndpoints.AdvanceAsync(body, clock, catchUp, hosting, logger, cancellationToken);
        });
    }
}
