using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Referrals.Sms.Twilio;

/// <summary>
/// Sends SMS through Twilio's Messages API (form-encoded POST, Basic auth). Retries 429 and 5xx a few times within
/// <see cref="TwilioOptions.MaxRetryWait"/>, then hands the wait back to the caller as
/// <see cref="SmsSendResult.Transient"/>; never retries a permanent error.
/// </summary>
public sealed class TwilioMessagingClient
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly HttpClient _http;
    private readonly TwilioOptions _options;
    private readonly SmsSendRateLimiter _rateLimiter;
    private readonly TimeProvider _wallClock;
    private readonly ILogger<TwilioMessagingClient> _logger;

    public TwilioMessagingClient(
        HttpClient http,
        IOptions<TwilioOptions> options,
        SmsSendRateLimiter rateLimiter,
        [FromKeyedServices(SmsServiceCollectionExtensions.WallClockKey)] TimeProvider wallClock,
        ILogger<TwilioMessagingClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _rateLimiter = rateLimiter;
        _wallClock = wallClock;
        _logger = logger;
    }

    /// <summary>The callback URL Twilio reports delivery to unless the caller names another.</summary>
    public Uri DefaultStatusCallback =>
        new(_options.PublicBaseUrl!.AbsoluteUri.TrimEnd('/') + TwilioOptions.StatusCallbackPath);

    /// <param name="to">E.164 recipient.</param>
    /// <param name="body">The text as it should arrive (already transliterated if wanted).</param>
    /// <param name="statusCallback">Where Twilio posts status changes; <see cref="DefaultStatusCallback"/> if null.</param>
    public async Task<SmsSendResult> SendAsync(string to, string body, Uri? statusCallback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentException.ThrowIfNullOrEmpty(body);

        var permit = _rateLimiter.TryAcquire(_options.SenderKey);
        if (!permit.IsGranted)
        {
            TwilioLog.Deferred(_logger, SmsTransientReason.RateLimited, permit.RetryAfter);
            return new SmsSendResult.Transient(permit.RetryAfter, SmsTransientReason.RateLimited);
        }

        var fields = Fields(to, body, statusCallback ?? DefaultStatusCallback);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(fields, attempt, cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case SmsSendResult.Transient { Reason: SmsTransientReason.TooManyRequests or SmsTransientReason.ServerError } wait
                    when attempt <= _options.MaxRetryAttempts && waited + wait.RetryAfter <= _options.MaxRetryWait:
                    TwilioLog.Retrying(_logger, attempt, wait.Reason, wait.RetryAfter);
                    await Task.Delay(wait.RetryAfter, _wallClock, cancellationToken).ConfigureAwait(false);
                    waited += wait.RetryAfter;
                    continue;
                case SmsSendResult.Transient wait:
                    TwilioLog.Deferred(_logger, wait.Reason, wait.RetryAfter);
                    return result;
                case SmsSendResult.Accepted accepted:
                    TwilioLog.Accepted(_logger, accepted.Sid, accepted.Status);
                    return result;
                case SmsSendResult.Failed failed:
                    TwilioLog.Refused(_logger, failed.HttpStatus, failed.ErrorCode, failed.Kind);
                    return result;
                default:
                    return result;
            }
        }
    }

    private List<KeyValuePair<string, string>> Fields(string to, string body, Uri statusCallback)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", to), new("Body", body) };
        fields.Add(_options.From is { Length: > 0 } from
            ? new("From", from)
            : new("MessagingServiceSid", _options.MessagingServiceSid!));
        fields.Add(new("StatusCallback", statusCallback.AbsoluteUri));
        return fields;
    }

    private async Task<SmsSendResult> SendOnceAsync(
        List<KeyValuePair<string, string>> fields, int attempt, CancellationToken cancellationToken)
    {
        var backoff = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri())
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}")));

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _wallClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return Interpret(response, content, backoff);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not retried here: Twilio may have taken the message, and a second POST would send it twice.
            TwilioLog.NoAnswer(_logger, SmsTransientReason.Timeout, exception);
            return new SmsSendResult.Transient(backoff, SmsTransientReason.Timeout);
        }
        catch (HttpRequestException exception)
        {
            TwilioLog.NoAnswer(_logger, SmsTransientReason.NetworkError, exception);
            return new SmsSendResult.Transient(backoff, SmsTransientReason.NetworkError);
        }
    }

    private Uri MessagesUri() => new(
        new Uri(_options.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/"),
        $"2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid)}/Messages.json");

    private SmsSendResult Interpret(HttpResponseMessage response, string content, TimeSpan backoff)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var message = TryDeserialize<MessageReply>(content);
            if (message?.Sid is not { Length: > 0 } sid)
            {
                return new SmsSendResult.Failed(SmsFailureKind.Rejected, null, status,
                    "Twilio answered success without a message SID.");
            }

            return new SmsSendResult.Accepted(sid,
                TwilioMessageStatuses.TryParse(message.Status, out var parsed) ? parsed.Value : TwilioMessageStatus.Queued);
        }

        var error = TryDeserialize<ErrorReply>(content);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || error?.Code == TwilioErrorCodes.TooManyRequests)
        {
            return new SmsSendResult.Transient(RetryAfter(response) ?? backoff, SmsTransientReason.TooManyRequests);
        }

        if (status >= 500)
        {
            return new SmsSendResult.Transient(RetryAfter(response) ?? backoff, SmsTransientReason.ServerError);
        }

        var kind = error?.Code is int code ? TwilioErrorCodes.Classify(code) : TwilioErrorKind.Other;
        var failure = kind switch
        {
            TwilioErrorKind.InvalidNumber => SmsFailureKind.InvalidNumber,
            TwilioErrorKind.NotMobile => SmsFailureKind.NotMobile,
            TwilioErrorKind.OptedOut => SmsFailureKind.OptedOut,
            _ => SmsFailureKind.Rejected,
        };
        var description = error?.Code is int known
            ? TwilioErrorCodes.Describe(known)
            : string.Create(CultureInfo.InvariantCulture, $"Twilio answered HTTP {status}.");
        return new SmsSendResult.Failed(failure, error?.Code, status, description);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - _wallClock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static T? TryDeserialize<T>(string content)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(content, s_json);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, say: the HTTP status still decides.
            return null;
        }
    }

    private sealed record MessageReply(string? Sid, string? Status);

    // Twilio's "message" is not read: it can quote the phone number.
    private sealed record ErrorReply(int? Code);
}
