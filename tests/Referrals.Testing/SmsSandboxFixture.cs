using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Referrals.SmsSandbox;
using Xunit;

namespace Referrals.Testing;

/// <summary>
/// The SMS sandbox hosted inside the test process on a free port, with status changes 20 ms apart. In-process
/// rather than a child process: it starts in milliseconds, needs no prior build of the tool, and a failing test
/// shows the sandbox's exceptions in the same output. Share one per test class; isolate tests by phone number,
/// or call <see cref="ResetAsync"/> (request faults are global to the instance).
/// </summary>
public sealed class SmsSandboxFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static int s_phoneCounter;
    private WebApplication? _app;
    private HttpClient? _client;

    public string AccountSid => SandboxOptions.DefaultAccountSid;

    public string AuthToken => SandboxOptions.DefaultAuthToken;

    /// <summary>The sandbox's own number; use it as Twilio:From.</summary>
    public string PhoneNumber { get; } = "+381115550100";

    public TimeSpan StatusCallbackDelay { get; } = TimeSpan.FromMilliseconds(20);

    public Uri BaseUrl => _app?.BaseUrl() ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>A client for the /sandbox/* endpoints.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>The "Twilio:*" settings that make an App send through this sandbox.</summary>
    public IReadOnlyDictionary<string, string?> TwilioSettings(Uri appPublicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(appPublicBaseUrl);
        return new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = PhoneNumber,
            ["Twilio:ApiBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Twilio:PublicBaseUrl"] = appPublicBaseUrl.AbsoluteUri,
        };
    }

    /// <summary>A fictional German mobile number no other test in this run uses.</summary>
    public static string UniquePhone() =>
        FormattableString.Invariant($"+4915550{Interlocked.Increment(ref s_phoneCounter) % 1_000_000:D6}");

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            options =>
            {
                options.PhoneNumber = PhoneNumber;
                options.StatusCallbackDelay = StatusCallbackDelay;
            });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.BaseUrl() };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Messages (outbound, replies and inbound), oldest first; only those to <paramref name="to"/> if given.</summary>
    public async Task<IReadOnlyList<SandboxMessageView>> GetMessagesAsync(string? to = null, CancellationToken cancellationToken = default)
    {
        var path = to is null ? "/sandbox/messages" : "/sandbox/messages?to=" + Uri.EscapeDataString(to);
        return await Client.GetFromJsonAsync<List<SandboxMessageView>>(path, s_json, cancellationToken) ?? [];
    }

    /// <summary>Polls the messages to <paramref name="to"/> until <paramref name="condition"/> holds, failing with
    /// what was seen after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<IReadOnlyList<SandboxMessageView>> WaitForMessagesAsync(
        string to, Func<IReadOnlyList<SandboxMessageView>, bool> condition, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var messages = await GetMessagesAsync(to, cancellationToken);
            if (condition(messages))
            {
                return messages;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"The sandbox's messages did not reach the expected state within {limit}: {JsonSerializer.Serialize(messages, s_json)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    public async Task<SandboxFaultsView> ArmFaultAsync(SandboxFaultRequest fault, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync("/sandbox/faults", fault, s_json, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SandboxFaultsView>(s_json, cancellationToken))!;
    }

    /// <summary>The next <paramref name="count"/> sends answer 429 with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public Task<SandboxFaultsView> ArmTooManyRequestsAsync(int count, int retryAfterSeconds = 1, CancellationToken cancellationToken = default) =>
        ArmFaultAsync(new SandboxFaultRequest(SandboxFaultKind.TooManyRequests, count, retryAfterSeconds), cancellationToken);

    public Task<SandboxFaultsView> ArmServerErrorsAsync(int count, CancellationToken cancellationToken = default) =>
        ArmFaultAsync(new SandboxFaultRequest(SandboxFaultKind.ServerError, count), cancellationToken);

    public Task<SandboxFaultsView> ArmOptedOutAsync(string phone, CancellationToken cancellationToken = default) =>
        ArmFaultAsync(new SandboxFaultRequest(SandboxFaultKind.OptedOut, Phone: phone), cancellationToken);

    public Task<SandboxFaultsView> ArmUndeliveredAsync(string phone, int errorCode = 30003, CancellationToken cancellationToken = default) =>
        ArmFaultAsync(new SandboxFaultRequest(SandboxFaultKind.Undelivered, Phone: phone, ErrorCode: errorCode), cancellationToken);

    public async Task<SandboxFaultsView> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetFromJsonAsync<SandboxFaultsView>("/sandbox/faults", s_json, cancellationToken))!;

    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.DeleteAsync("/sandbox/faults", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Forgets messages, faults and opt-outs; keeps the inbound webhook URL.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsync("/sandbox/reset", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Points inbound SMS at an App started after the sandbox.</summary>
    public async Task SetInboundWebhookUrlAsync(Uri? url, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync("/sandbox/config", new SandboxConfigRequest(url), s_json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends an SMS as the returnee to the App and returns the App's answer.</summary>
    public async Task<SandboxInboundResult> SendInboundAsync(string from, string body, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync("/sandbox/inbound", new SandboxInboundRequest(from, body), s_json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The sandbox answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<SandboxInboundResult>(s_json, cancellationToken))!;
    }
}
