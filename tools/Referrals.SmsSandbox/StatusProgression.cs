using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Referrals.SmsSandbox;

/// <summary>
/// Moves each outbound message through Twilio's statuses after short pauses (accepted → queued → sent →
/// delivered, or undelivered with the armed error code) and posts a signed status callback for each change.
/// </summary>
internal sealed class StatusProgression(
    SandboxStore store,
    SignedWebhookClient webhooks,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<StatusProgression> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public void Start(string messageSid)
    {
        var task = Task.Run(() => ProgressAsync(messageSid, _stopping.Token));
        _running[messageSid] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(messageSid, out Task? _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task ProgressAsync(string sid, CancellationToken stopping)
    {
        var steps = store.Update(sid, m => Steps(m.Status, m.PendingFailure)) ?? [];
        try
        {
            foreach (var (status, errorCode) in steps)
            {
                await Task.Delay(options.Value.StatusCallbackDelay, clock, stopping);
                var fields = store.Update(sid, m => Transition(m, status, errorCode));
                if (fields is null)
                {
                    return;
                }

                var callback = store.Update(sid, m => m.StatusCallback);
                if (callback is not null)
                {
                    await PostCallbackAsync(sid, status, callback, fields, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The sandbox is shutting down; a message left half-way is fine for a test double.
        }
    }

    private static List<(string Status, int? ErrorCode)> Steps(string initialStatus, int? failure)
    {
        var steps = new List<(string, int?)>();
        if (initialStatus == "accepted")
        {
            steps.Add(("queued", null));
        }

        steps.Add(("sent", null));
        steps.Add(failure is int code ? ("undelivered", code) : ("delivered", null));
        return steps;
    }

    private List<KeyValuePair<string, string>> Transition(SandboxMessage message, string status, int? errorCode)
    {
        message.Status = status;
        message.ErrorCode = errorCode;
        message.DateUpdated = clock.GetUtcNow();
        message.From ??= options.Value.PhoneNumber;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", options.Value.AccountSid),
            new("ApiVersion", TwilioWire.ApiVersion),
            new("From", message.From),
            new("MessageSid", message.Sid),
            new("MessageStatus", status),
            new("SmsSid", message.Sid),
            new("SmsStatus", status),
            new("To", message.To),
        };
        if (message.MessagingServiceSid is not null)
        {
            fields.Add(new("MessagingServiceSid", message.MessagingServiceSid));
        }

        if (errorCode is int code)
        {
            fields.Add(new("ErrorCode", code.ToString(CultureInfo.InvariantCulture)));
        }

        return fields;
    }

    private async Task PostCallbackAsync(
        string sid, string status, Uri callback, List<KeyValuePair<string, string>> fields, CancellationToken stopping)
    {
        SandboxCallbackView result;
        try
        {
            var (httpStatus, _, _) = await webhooks.PostAsync(callback, fields, stopping);
            SandboxLog.CallbackPosted(logger, sid, status, httpStatus);
            result = new SandboxCallbackView(status, httpStatus, null);
        }
        catch (HttpRequestException exception)
        {
            // Twilio does not retry a failed status callback either; the failure is shown on the page.
            SandboxLog.CallbackFailed(logger, sid, status, exception);
            result = new SandboxCallbackView(status, null, exception.Message);
        }

        store.Update(sid, m =>
        {
            m.Callbacks.Add(result);
            return true;
        });
    }
}
