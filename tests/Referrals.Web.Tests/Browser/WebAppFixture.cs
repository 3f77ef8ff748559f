using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>
/// The system as staff meet it: real Azurite, MailDev and the SMS sandbox on free ports; the backend
/// (<see cref="BackendHost"/>, Development, its own free port); the new web app (<see cref="WebAppHost"/>, Development,
/// another free port, <c>Api:BaseUrl</c> = the backend); the backend's emailed links point at the web app. Debian's
/// Chromium driven by Playwright (never a downloaded browser); each person in a test gets a browser context of their
/// own, so sessions never mix. One per collection.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly SmsSandboxFixture _sms = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DateTimeOffset? _clockAtStop;

    public MailDevFixture MailDev { get; } = new();

    public BackendHost Backend { get; private set; } = null!;

    public WebAppHost Web { get; private set; } = null!;

    /// <summary>The web app.</summary>
    public Uri BaseUrl => Web.BaseUrl;

    /// <summary>The backend's public HTTP API, for arranging data and checking outcomes.</summary>
    public BackendApi Api { get; private set; } = null!;

    /// <summary>The settings the web app runs with (for a second instance in another environment).</summary>
    public IReadOnlyDictionary<string, string?> WebSettings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await Task.WhenAll(_azurite.InitializeAsync(), MailDev.InitializeAsync(), _sms.InitializeAsync());

        var backendPort = FreePort.Next();
        var webPort = FreePort.Next();
        var backendUrl = new Uri($"http://127.0.0.1:{backendPort}");
        var webUrl = new Uri($"http://127.0.0.1:{webPort}");
        var backendSettings = new Dictionary<string, string?>(_sms.TwilioSettings(backendUrl))
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@referrals.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = MailDev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Messaging:PublicBaseUrl"] = webUrl.AbsoluteUri,
            ["Referrals:Notifications:CoordinatorEmail"] = "coordinator@referrals.example",
            ["Referrals:Notifications:ScoutFallbackEmail"] = "scouts@referrals.example",
            // Fixed for the fixture's life, so a backend started again on the same port accepts the tokens the web
            // app's sessions hold (the Development issuer otherwise makes a new key at each start).
            ["Auth:DevSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Backend = new BackendHost(backendPort, backendSettings);
        Api = new BackendApi(backendUrl);

        WebSettings = new Dictionary<string, string?>
        {
            ["Api:BaseUrl"] = backendUrl.AbsoluteUri,
        };
        Web = new WebAppHost(webPort, "Development", WebSettings);

        await Backend.StartAsync();
        await Web.StartAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A page for one person: a new browser context (own cookies) with the browser language
    /// <paramref name="locale"/> and a window <paramref name="width"/> px wide.</summary>
    public async Task<IPage> NewPersonAsync(string locale = "en-GB", int width = 1280)
    {
        var context = await NewContextAsync(locale, width);
        return await context.NewPageAsync();
    }

    public async Task<IBrowserContext> NewContextAsync(string locale = "en-GB", int width = 1280)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Stops the backend (its port then refuses connections), remembering its Development clock.</summary>
    public async Task StopBackendAsync()
    {
        _clockAtStop = await Api.NowAsync();
        await Backend.StopAsync();
    }

    /// <summary>Starts the backend again on the same port and moves its Development clock (which starts from the wall
    /// clock) to where it stood, so the web app's business time and the backend's agree as before the outage.</summary>
    public async Task StartBackendAsync()
    {
        await Backend.StartAsync();
        if (_clockAtStop is { } then && then - await Api.NowAsync() is { TotalMinutes: > 1 } behind)
        {
            await Api.AdvanceClockAsync(string.Create(CultureInfo.InvariantCulture, $"PT{(long)behind.TotalSeconds}S"));
        }

        _clockAtStop = null;
    }

    /// <summary>A URL on the web app.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }

        Api?.Dispose();
        await _sms.DisposeAsync();
        await MailDev.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
