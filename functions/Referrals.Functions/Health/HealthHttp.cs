using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Referrals.App.Hosting.Health;

namespace Referrals.Functions.Health;

/// <summary>Liveness for the platform and for scripts that wait for the app to be up: the registered health checks
/// (storage reachable) as <c>{"status","checks"}</c>, 503 when one is unhealthy.</summary>
public sealed class HealthHttp(HealthCheckService checks)
{
    public const string FunctionName = "Health";

    [Function(FunctionName)]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HealthResult(await checks.CheckHealthAsync(cancellationToken));

    private sealed class HealthResult(HealthReport report) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = report.Status == HealthStatus.Unhealthy
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status200OK;
            return HealthResponseWriter.WriteAsync(httpContext, report);
        }
    }
}
