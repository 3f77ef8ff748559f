using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Sms.Keywords;
using Referrals.Sms.Webhooks;
using Referrals.Testing;

namespace Referrals.Sms.Tests.Support;

/// <summary>
/// A minimal App stand-in that serves the two Twilio webhooks exactly as the App is meant to: read through
/// <see cref="TwilioWebhookReader"/>, parsed with <see cref="TwilioStatusCallback"/> and <see cref="TwilioInboundMessage"/>.
/// Also a <c>/slow</c> Messages API that never answers, for timeouts.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the receiver listens.</summary>
    public Uri BaseUrl { get; }

    public Uri StatusUrl => new(BaseUrl, "api/twilio/status");

    public Uri InboundUrl => new(BaseUrl, "api/twilio/inbound");

    public ConcurrentQueue<TwilioStatusCallback> StatusCallbacks { get; } = new();

    public ConcurrentQueue<TwilioInboundMessage> InboundMessages { get; } = new();

    /// <param name="publicBaseUrl">The URL Twilio is told to use, if not the receiver's own (a reverse proxy).</param>
    public static async Task<WebhookReceiver> StartAsync(string authToken, Uri? publicBaseUrl = null)
    {
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl.AbsoluteUri);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC" + new string('0', 32),
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:From"] = "+381115550100",
            ["Twilio:PublicBaseUrl"] = (publicBaseUrl ?? baseUrl).AbsoluteUri,
        });
        builder.Services.AddTwilioMessaging();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, baseUrl);

        app.MapPost("/api/twilio/status", async (HttpRequest request, TwilioWebhookReader reader, CancellationToken cancellationToken) =>
        {
            var read = await reader.ReadAsync(request, cancellationToken);
            if (read is not TwilioWebhookReadResult.Signed { Form: var form })
            {
                return ((TwilioWebhookReadResult.Rejected)read).ToProblem();
            }

            if (!TwilioStatusCallback.TryParse(form, out var callback, out var error))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: error);
            }

            receiver.StatusCallbacks.Enqueue(callback);
            return Results.NoContent();
        });

        app.MapPost("/api/twilio/inbound", async (HttpRequest request, TwilioWebhookReader reader, CancellationToken cancellationToken) =>
        {
            var read = await reader.ReadAsync(request, cancellationToken);
            if (read is not TwilioWebhookReadResult.Signed { Form: var form })
            {
                return ((TwilioWebhookReadResult.Rejected)read).ToProblem();
            }

            if (!TwilioInboundMessage.TryParse(form, out var message, out var error))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: error);
            }

            receiver.InboundMessages.Enqueue(message);
            return message.Keyword == InboundKeyword.Help
                ? Results.Content("<Response><Message>Call your advisor on +381 11 555 0199.</Message></Response>", "text/xml")
                : Results.Content("<Response/>", "text/xml");
        });

        app.MapPost("/slow/{**rest}", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return Results.Ok();
        });

        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> status callbacks for <paramref name="sid"/> have arrived.</summary>
    public async Task<IReadOnlyList<TwilioStatusCallback>> WaitForCallbacksAsync(string sid, int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var received = StatusCallbacks.Where(c => c.MessageSid == sid).ToList();
            if (received.Count >= count)
            {
                return received;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"{received.Count} of {count} callbacks for {sid} arrived within {limit}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
