using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.App.Hosting.Clock;
using Referrals.App.Tests.Api;
using Referrals.Domain.Calendar;
using Referrals.Testing;
using Referrals.Workflow;

namespace Referrals.App.Tests.EndToEnd;

/// <summary>
/// The whole system as it runs: the Functions app on the local host on a real port (Development, with its advance-able clock) against real
/// Azurite, MailDev and the SMS sandbox, which posts signed status callbacks and inbound messages back over HTTP.
/// Every log line the app writes is kept, so a test can prove none carries personal data.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string ScoutOrganisation = "helpdesk-de";
    public const string ScoutInbox = "referrals@helpdesk-de.example";
    public const string CoordinatorInbox = "coordinators@kirs.example";

    private readonly AzuriteFixture _azurite = new();
    private FunctionsAppHost? _factory;

    public MailDevFixture Mail { get; } = new();

    public SmsSandboxFixture Sms { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<string> LogLines { get; } = new();

    public IServiceProvider Services => _factory!.Services;

    public DevelopmentClock Clock => Services.GetRequiredService<DevelopmentClock>();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_azurite.InitializeAsync(), Mail.InitializeAsync(), Sms.InitializeAsync());
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>(Sms.TwilioSettings(BaseUrl))
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@nsz.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
            ["Messaging:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Referrals:Notifications:CoordinatorEmail"] = CoordinatorInbox,
            [$"Referrals:Notifications:OrganisationEmails:{ScoutOrganisation}"] = ScoutInbox,
            ["Twilio:RetryBaseDelay"] = "00:00:00.050",
            ["Workflow:EffectRetryBaseDelay"] = "00:00:05",
            ["Workflow:EffectRetryMaxDelay"] = "00:00:30",
            ["Workflow:EffectMaxAttempts"] = "40",
            ["Sms:Transliterate:sr-Latn"] = "true",
            ["RateLimits:SubmissionsPerMinute"] = "1000",
        };
        _factory = new FunctionsAppHost("Development", settings, logging: logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new LineCollector(LogLines));
        }, port: port);
        await _factory.StartAsync();
        await Services.GetRequiredService<WorkflowStorage>().EnsureStorageAsync(CancellationToken.None);
        await Sms.SetInboundWebhookUrlAsync(new Uri(BaseUrl, "/api/twilio/inbound"));
        await MoveClockToAsync(new TimeOnly(10, 0));
    }

    /// <summary>Moves the app's clock forward to the next <paramref name="time"/> in Berlin (where the test returnees'
    /// numbers are), so tests never start in SMS quiet hours by accident.</summary>
    public Task MoveClockToAsync(TimeOnly time)
    {
        var calendar = Services.GetRequiredService<IWorkingDayCalendar>();
        var now = Clock.GetUtcNow();
        var today = calendar.LocalDate(now, TimeZones.Berlin);
        var target = calendar.AtLocalTime(today, time, TimeZones.Berlin);
        if (target <= now)
        {
            target = calendar.AtLocalTime(today.AddDays(1), time, TimeZones.Berlin);
        }

        Clock.Advance(target - now);
        return Task.CompletedTask;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl };

    public async Task<HttpClient> ClientForAsync(string role, string subject, string? org = null, string? msc = null)
    {
        var client = CreateClient();
        var token = await ApiFactory.TokenAsync(client, role, subject, org, msc);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A submit body for a returnee with <paramref name="phone"/>, returning in <paramref name="returnInDays"/>.</summary>
    public JsonObject Referral(string phone, int returnInDays = 30, string language = "sr-Latn", string priority = "normal")
    {
        var body = SubmitBodies.Valid(Clock);
        body["returnee"]!["phone"] = phone;
        body["returnee"]!["preferredLanguage"] = language;
        body["priority"] = priority;
        body["expectedReturnDate"] = DateOnly.FromDateTime(Clock.GetUtcNow().AddDays(returnInDays).UtcDateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return body;
    }

    public async Task<string> SubmitAsync(JsonObject body)
    {
        using var scout = await ClientForAsync("scout", "scout-1", org: ScoutOrganisation);
        using var request = SubmitBodies.Post(body.ToJsonString(), Guid.NewGuid().ToString("N"));
        using var response = await scout.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"Submit answered {(int)response.StatusCode}: {created}");
        return created!["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetReferralAsync(string id)
    {
        using var coordinator = await ClientForAsync("coordinator", "coordinator-1");
        return (await coordinator.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!;
    }

    /// <summary>Runs the system (due timers, effects) and, while <paramref name="condition"/> does not hold, moves the
    /// clock by <paramref name="step"/> (default: none, real time only) until it holds or the deadline passes.</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what,
        TimeSpan? step = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var catchUp = Services.GetRequiredService<IWorkflowCatchUp>();
        while (true)
        {
            await catchUp.CatchUpAsync(CancellationToken.None);
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {value}");
            }

            if (step is { } by)
            {
                Clock.Advance(by);
            }

            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        // The app's log, for reading after a failure (it holds no personal data; a test checks that).
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, ".artifacts"));
        await File.WriteAllLinesAsync(Path.Combine(RepositoryPaths.Root, ".artifacts", "system-tests.log"), LogLines);
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Task.WhenAll(Sms.DisposeAsync(), Mail.DisposeAsync(), _azurite.DisposeAsync());
    }

    /// <summary>Keeps each rendered log line with its exception, as a log sink would see it.</summary>
    private sealed class LineCollector(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
