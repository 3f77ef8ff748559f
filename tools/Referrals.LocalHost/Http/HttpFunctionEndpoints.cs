using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Referrals.LocalHost.Catalog;

namespace Referrals.LocalHost.Http;

/// <summary>Maps each HTTP-triggered function to its route and methods, as the Functions host does.</summary>
public static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(
        this IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var function in catalog.OfKind(FunctionKind.Http))
        {
            var pattern = "/" + string.Join('/', new[] { routePrefix, function.Route }
                .Where(part => !string.IsNullOrEmpty(part))
                .Select(part => part!.Trim('/')));
            RequestDelegate handler = context => InvokeAsync(function, context);
            var endpoint = function.HttpMethods is { Count: > 0 } methods
                ? endpoints.MapMethods(pattern, methods, handler)
                : endpoints.Map(pattern, handler);
            endpoint.WithDisplayName(function.Name);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(LocalFunction function, HttpContext context)
    {
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(
                function, new Invocation(context.RequestServices, context.RequestAborted) { HttpContext = context });
        }
        catch (BadHttpRequestException exception)
        {
            await Results.Problem(exception.Message, statusCode: exception.StatusCode).ExecuteAsync(context);
            return;
        }

        switch (result)
        {
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            default:
                // The catalog only admits IResult or IActionResult return types, so null is the function's own bug.
                await Results.Problem($"Function '{function.Name}' returned no result.").ExecuteAsync(context);
                break;
        }
    }
}
