using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Referrals.Functions.Http;

/// <summary>
/// Any other path under <c>/api/</c> is a 404 with a problem body, as every API error is (API.md). Routing prefers
/// every literal route over this catch-all. A known path with a method it does not serve lands here too, so it is
/// 404 rather than 405.
/// </summary>
public sealed class NotFoundFunction
{
    public const string FunctionName = "ApiNotFound";

    [Function(FunctionName)]
    public IResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options",
            Route = "api/{*path}")] HttpRequest request) =>
        HttpFunction.NotFound();
}
