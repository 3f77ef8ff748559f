using Microsoft.Extensions.Options;
using Referrals.Sms.Twilio;

namespace Referrals.SmsSandbox;

/// <summary>The /sandbox/* endpoints people and tests use to look inside the sandbox and to steer it.</summary>
internal static class SandboxControlApi
{
    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder routes)
    {
        var sandbox = routes.MapGroup("/sandbox");
        sandbox.MapGet("/messages", (string? to, SandboxStore store) =>
            TypedResults.Ok(store.List(m => to is null || m.To == to)));
        sandbox.MapDelete("/messages", (SandboxStore store) =>
        {
            store.ClearMessages();
            return TypedResults.NoContent();
        });
        sandbox.MapPost("/inbound", SendInboundAsync);
        sandbox.MapGet("/faults", (SandboxStore store) => TypedResults.Ok(store.Faults()));
        sandbox.MapPost("/faults", ArmFault);
        sandbox.MapDelete("/faults", (SandboxStore store) =>
        {
            store.ClearFaults();
            return TypedResults.NoContent();
        });
        sandbox.MapGet("/config", (SandboxStore store, IOptions<SandboxOptions> options) =>
            TypedResults.Ok(Config(store, options.Value)));
        sandbox.MapPost("/config", SetConfig);
        sandbox.MapPost("/reset", (SandboxStore store) =>
        {
            store.ClearMessages();
            store.ClearFaults();
            return TypedResults.NoContent();
        });
        return routes;
    }

    internal static async Task<IResult> SendInboundAsync(
        SandboxInboundRequest request, InboundRelay relay, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SmsAddress.IsE164(request.From))
        {
            errors["from"] = ["Required: the returnee's number in E.164 form (+4915...)."];
        }

        if (request.Body is null)
        {
            errors["body"] = ["Required: the text of the SMS."];
        }

        if (request.To is not null && !SmsAddress.IsValidSender(request.To))
        {
            errors["to"] = ["Must be an E.164 number or an alphanumeric sender ID."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await relay.SendAsync(request.From!, request.Body!, request.To, cancellationToken));
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "No inbound webhook configured", detail: exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway,
                title: "The app could not be reached", detail: exception.Message);
        }
    }

    private static IResult ArmFault(SandboxFaultRequest request, SandboxStore store)
    {
        var errors = new Dictionary<string, string[]>();
        switch (request.Kind)
        {
            case SandboxFaultKind.TooManyRequests or SandboxFaultKind.ServerError:
                if (request.Count is not (>= 1 and <= 1000))
                {
                    errors["count"] = ["Required for this kind: how many requests fail, 1 to 1000."];
                }

                if (request.RetryAfterSeconds is < 0 or > 3600)
                {
                    errors["retryAfterSeconds"] = ["Must be between 0 and 3600."];
                }

                break;
            case SandboxFaultKind.OptedOut or SandboxFaultKind.Undelivered:
                if (!SmsAddress.IsE164(request.Phone))
                {
                    errors["phone"] = ["Required for this kind: the recipient in E.164 form (+4915...)."];
                }

                if (request.Kind == SandboxFaultKind.Undelivered && request.ErrorCode is not (null or (>= 30000 and < 40000)))
                {
                    errors["errorCode"] = ["Must be a Twilio delivery error code (30003 to 30008, e.g.)."];
                }

                break;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        switch (request.Kind)
        {
            case SandboxFaultKind.TooManyRequests:
                store.ArmRequestFaults(StatusCodes.Status429TooManyRequests, request.Count!.Value, request.RetryAfterSeconds ?? 1);
                break;
            case SandboxFaultKind.ServerError:
                store.ArmRequestFaults(StatusCodes.Status500InternalServerError, request.Count!.Value, request.RetryAfterSeconds);
                break;
            case SandboxFaultKind.OptedOut:
                store.SetOptedOut(request.Phone!, true);
                break;
            case SandboxFaultKind.Undelivered:
                store.ArmUndelivered(request.Phone!, request.ErrorCode ?? TwilioErrorCodes.Unreachable);
                break;
        }

        return TypedResults.Ok(store.Faults());
    }

    private static IResult SetConfig(SandboxConfigRequest request, SandboxStore store, IOptions<SandboxOptions> options)
    {
        if (request.InboundWebhookUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["inboundWebhookUrl"] = ["Must be an absolute http(s) URL."],
            });
        }

        store.InboundWebhookUrl = request.InboundWebhookUrl;
        return TypedResults.Ok(Config(store, options.Value));
    }

    private static SandboxConfigView Config(SandboxStore store, SandboxOptions options) =>
        new(options.AccountSid, options.PhoneNumber, store.InboundWebhookUrl);
}
