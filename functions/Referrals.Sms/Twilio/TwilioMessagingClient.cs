using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Referrals.Sms.Twilio;

/// <summary>
/// Sends SMS with the Twilio SDK (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>).
/// The SDK retries nothing, so 429 and 5xx are retried here a few times within <see cref="TwilioOptions.MaxRetryWait"/>
/// (honouring <c>Retry-After</c>), then the wait goes back to the caller as <see cref="SmsSendResult.Transient"/>;
/// a permanent error is never retried.
/// </summary>
/// <remarks>
/// Each attempt gets its own <see cref="TwilioRestClient"/> over a <see cref="SystemNetHttpClient"/> over an
/// <see cref="System.Net.Http.HttpClient"/> from <see cref="IHttpClientFactory"/> (cheap; the handlers are pooled).
/// That gives the attempt its own <c>LastResponse</c>, the only place the SDK keeps the
/// <c>Retry-After</c> header of an error, and a way to abort it (<see cref="System.Net.Http.HttpClient.CancelPendingRequests"/>),
/// as the SDK takes no <see cref="CancellationToken"/>.
/// </remarks>
public sealed class TwilioMessagingClient
{
    /// <summary>The <see cref="IHttpClientFactory"/> client whose handler sends to <see cref="TwilioOptions.ApiBaseUrl"/>.</summary>
    public const string HttpClientName = "Referrals.Sms.Twilio";

    private readonly IHttpClientFactory _httpClients;
    private readonly TwilioOptions _options;
    private readonly SmsSendRateLimiter _rateLimiter;
    private readonly TimeProvider _wallClock;
    private readonly ILogger<TwilioMessagingClient> _logger;

    public TwilioMessagingClient(
        IHttpClientFactory httpClients,
        IOptions<TwilioOptions> options,
        SmsSendRateLimiter rateLimiter,
        [FromKeyedServices(SmsServiceCollectionExtensions.WallClockKey)] TimeProvider wallClock,
        ILogger<TwilioMessagingClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
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

        var message = MessageOptions(to, body, statusCallback ?? DefaultStatusCallback);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(message, attempt, cancellationToken).ConfigureAwait(false);
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

    private CreateMessageOptions MessageOptions(string to, string body, Uri statusCallback)
    {
        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = body, StatusCallback = statusCallback };
        if (_options.From is { Length: > 0 } from)
        {
            message.From = new PhoneNumber(from);
        }
        else
        {
            message.MessagingServiceSid = _options.MessagingServiceSid;
        }

        return message;
    }

    private async Task<SmsSendResult> SendOnceAsync(CreateMessageOptions message, int attempt, CancellationToken cancellationToken)
    {
        var backoff = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        using var http = _httpClients.CreateClient(HttpClientName);
        // The attempt's own timeout below runs on the wall clock; HttpClient's would not.
        http.Timeout = Timeout.InfiniteTimeSpan;
        var transport = new SystemNetHttpClient(http);
        var client = new TwilioRestClient(_options.AccountSid, _options.AuthToken, httpClient: transport);

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _wallClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var abort = linked.Token.Register(http.CancelPendingRequests);
        try
        {
            var created = await MessageResource.CreateAsync(message, client).ConfigureAwait(false);
            if (created?.Sid is not { Length: > 0 } sid)
            {
                return new SmsSendResult.Failed(SmsFailureKind.Rejected, null, Status(transport.LastResponse, 0),
                    "Twilio answered success without a message SID.");
            }

            return new SmsSendResult.Accepted(sid,
                TwilioMessageStatuses.TryParse(created.Status?.ToString(), out var parsed) ? parsed.Value : TwilioMessageStatus.Queued);
        }
        catch (ApiException exception)
        {
            return Interpret(exception.Code, Status(transport.LastResponse, exception.Status), transport.LastResponse, backoff);
        }
        catch (ApiStandardException exception)
        {
            return Interpret(exception.Code, Status(transport.LastResponse, exception.Status), transport.LastResponse, backoff);
        }
        catch (ApiConnectionException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The send was cancelled.", exception, cancellationToken);
        }
        catch (ApiConnectionException exception) when (timeout.IsCancellationRequested)
        {
            // Not retried here: Twilio may have taken the message, and a second POST would send it twice.
            TwilioLog.NoAnswer(_logger, SmsTransientReason.Timeout, exception);
            return new SmsSendResult.Transient(backoff, SmsTransientReason.Timeout);
        }
        catch (ApiConnectionException exception)
        {
            TwilioLog.NoAnswer(_logger, SmsTransientReason.NetworkError, exception);
            return new SmsSendResult.Transient(backoff, SmsTransientReason.NetworkError);
        }
    }

    // The SDK reports status 0 when the error body is not Twilio's JSON (a proxy's HTML page); the response knows.
    private static int Status(Response? response, int reported) => response is null ? reported : (int)response.StatusCode;

    private SmsSendResult Interpret(int code, int status, Response? response, TimeSpan backoff)
    {
        int? errorCode = code == 0 ? null : code;
        if (status is >= 200 and < 300)
        {
            // The SDK could not read the message resource it was given.
            return new SmsSendResult.Failed(SmsFailureKind.Rejected, null, status,
                "Twilio answered success without a readable message resource.");
        }

        if (status == (int)HttpStatusCode.TooManyRequests || errorCode == TwilioErrorCodes.TooManyRequests)
        {
            return new SmsSendResult.Transient(RetryAfter(response) ?? backoff, SmsTransientReason.TooManyRequests);
        }

        if (status >= 500)
        {
            return new SmsSendResult.Transient(RetryAfter(response) ?? backoff, SmsTransientReason.ServerError);
        }

        var kind = errorCode is int known ? TwilioErrorCodes.Classify(known) : TwilioErrorKind.Other;
        var failure = kind switch
        {
            TwilioErrorKind.InvalidNumber => SmsFailureKind.InvalidNumber,
            TwilioErrorKind.NotMobile => SmsFailureKind.NotMobile,
            TwilioErrorKind.OptedOut => SmsFailureKind.OptedOut,
            _ => SmsFailureKind.Rejected,
        };
        // Never the exception's message: Twilio's text can quote the phone number.
        var description = errorCode is int described
            ? TwilioErrorCodes.Describe(described)
            : string.Create(CultureInfo.InvariantCulture, $"Twilio answered HTTP {status}.");
        return new SmsSendResult.Failed(failure, errorCode, status, description);
    }

    private TimeSpan? RetryAfter(Response? response)
    {
        var header = response?.Headers?.RetryAfter;
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
}
