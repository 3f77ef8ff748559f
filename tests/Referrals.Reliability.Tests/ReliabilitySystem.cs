using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;

namespace Referrals.Reliability.Tests;

/// <summary>
/// Azurite (in memory, or on disk for the restart test), MailDev and the SMS sandbox on free ports, and the settings
/// that point app hosts at them: the same tables and task hub for every host of one test, so hosts started from them
/// act as instances of one deployment.
/// </summary>
public sealed class ReliabilitySystem : IAsyncDisposable
{
    public const string ScoutOrganisation = "helpdesk-de";

    private readonly string? _dataDirectory;

    private ReliabilitySystem(string? dataDirectory)
    {
        _dataDirectory = dataDirectory;
        Azurite = dataDirectory is null ? new AzuriteFixture() : AzuriteFixture.OnDisk(dataDirectory);
    }

    public AzuriteFixture Azurite { get; }

    public MailDevFixture Mail { get; } = new();

    public SmsSandboxFixture Sms { get; } = new();

    public Uri PublicBaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    private readonly string _hub = "Rel" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tables = AzuriteFixture.UniqueName("rel");

    public static async Task<ReliabilitySystem> StartAsync(bool onDisk = false)
    {
        var system = new ReliabilitySystem(onDisk ? Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N")) : null);
        await Task.WhenAll(system.Azurite.InitializeAsync(), system.Mail.InitializeAsync(), system.Sms.InitializeAsync());
        return system;
    }

    /// <summary>Settings for the host that answers on <see cref="PublicBaseUrl"/>, where the sandbox posts status
    /// callbacks.</summary>
    public Dictionary<string, string?> PublicHostSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = Settings(overrides);
        settings["LocalHost:Port"] = PublicBaseUrl.Port.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Everything a host of this system needs; <paramref name="overrides"/> win.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Sms.TwilioSettings(PublicBaseUrl))
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = _hub,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:01",
            ["Workflow:TableName"] = _tables + "wf",
            ["Workflow:TimerIndexTableName"] = _tables + "idx",
            ["Workflow:ParkedTableName"] = _tables + "parked",
            ["Api:Tables:Projections"] = _tables + "views",
            ["Api:Tables:Audit"] = _tables + "audit",
            ["Api:Tables:ReturneePhones"] = _tables + "phones",
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@nsz.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
            ["Messaging:PublicBaseUrl"] = PublicBaseUrl.AbsoluteUri,
            ["Referrals:Notifications:CoordinatorEmail"] = "coordinators@kirs.example",
            [$"Referrals:Notifications:OrganisationEmails:{ScoutOrganisation}"] = "referrals@helpdesk-de.example",
            ["Twilio:RetryBaseDelay"] = "00:00:00.050",
            ["Twilio:MessagesPerSecond"] = "1000",
            ["Twilio:Burst"] = "1000",
            ["RateLimits:SubmissionsPerMinute"] = "10000",
            ["Demo:Seed"] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A valid submission for a returnee with <paramref name="phone"/> (a German number: SMS quiet hours are
    /// Berlin's, so tests move the clock to 10:00 there first).</summary>
    public static JsonObject Referral(TimeProvider clock, string phone)
    {
        var now = clock.GetUtcNow();
        return new JsonObject
        {
            ["returnee"] = new JsonObject
            {
                ["givenName"] = "Marko",
                ["familyName"] = "Jovanović",
                ["dateOfBirth"] = "1988-04-12",
                ["gender"] = "male",
                ["phone"] = phone,
                ["email"] = null,
                ["preferredLanguage"] = "sr-Latn",
            },
            ["household"] = new JsonObject { ["adults"] = 1, ["minors"] = 0 },
            ["expectedReturnDate"] = DateOnly.FromDateTime(now.AddDays(30).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["arrivalPoint"] = "BEG",
            ["municipality"] = "Niš",
            ["needs"] = new JsonArray("employment"),
            ["vulnerabilities"] = new JsonArray(),
            ["priority"] = "normal",
            ["consent"] = new JsonObject
            {
                ["dataSharing"] = true,
                ["sms"] = true,
                ["obtainedAt"] = now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["method"] = "signedForm",
                ["textVersion"] = "2026-1",
            },
            ["notes"] = "Needs help with documents.",
        };
    }

    public static async Task<string> SubmitAsync(HttpClient scout, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await scout.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"Submit answered {(int)response.StatusCode}: {created}");
        return created!["id"]!.GetValue<string>();
    }

    /// <summary>Moves every host's clock by the same amount to the next 10:00 in Berlin, outside SMS quiet hours.</summary>
    public static void MoveClocksToMorning(params AppHost[] hosts)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var now = hosts[0].Clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, berlin);
        var target = new DateTimeOffset(local.Date.AddHours(10), berlin.GetUtcOffset(local.Date.AddHours(10)));
        if (target <= now)
        {
            var tomorrow = local.Date.AddDays(1).AddHours(10);
            target = new DateTimeOffset(tomorrow, berlin.GetUtcOffset(tomorrow));
        }

        var by = target - now;
        foreach (var host in hosts)
        {
            host.Clock.Advance(by);
        }
    }

    /// <summary>Azurite keeps its on-disk database in memory and saves it every few seconds, and the fixture's restart
    /// kills the process: wait until both databases were saved after a marker, so the restart loses no acknowledged
    /// write (which real storage never does).</summary>
    public async Task WaitUntilAzuriteSavedAsync()
    {
        var marker = DateTime.UtcNow;
        await Azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("marker")).CreateAsync();
        await Azurite.QueueService().GetQueueClient(AzuriteFixture.UniqueName("marker")).CreateAsync();
        await new Azure.Storage.Blobs.BlobContainerClient(Azurite.ConnectionString, AzuriteFixture.UniqueName("marker")).CreateAsync();
        await Wait.UntilAsync(() => Task.FromResult(new[] { "__azurite_db_table__.json", "__azurite_db_queue__.json", "__azurite_db_blob__.json" }
                .All(file => File.Exists(Path.Combine(_dataDirectory!, file))
                    && File.GetLastWriteTimeUtc(Path.Combine(_dataDirectory!, file)) > marker)),
            saved => saved, TimeSpan.FromSeconds(20), "Azurite to save its databases");
    }

    public async ValueTask DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await Mail.DisposeAsync();
        await Sms.DisposeAsync();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
