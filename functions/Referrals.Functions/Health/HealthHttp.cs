using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Referrals.Functions.Health;

/// <summary>Liveness for the platform and for scripts that wait for the app to be up.</summary>
public sealed class HealthHttp
{
    public const string FunctionName = "Health";

    [Function(FunctionName)]
    public Ok<HealthReport> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        TypedResults.Ok(new HealthReport("healthy"));
}

public sealed record HealthReport(string Status);
