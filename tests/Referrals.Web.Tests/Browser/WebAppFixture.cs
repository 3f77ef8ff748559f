using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>
/// The whole app on a real port (Kestrel, Development) against real Azurite, MailDev and the SMS sandbox, and
/// Debian's Chromium driven by Playwright (never a downloaded browser; Playwright gives each launch a fresh
/// profile). Each person in a test gets a browser context of their own, so sessions never mix. One per collection.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly MailDevFixture _mailDev = new();
    private readonly SmsSandboxFixture _sms = new();
    private WebFactory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseUrl { get; private set; } = null!;

    private IBrowser? _browser;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await Task.WhenAll(_azurite.InitializeAsync(), _mailDev.InitializeAsync(), _sms.InitializeAsync());

        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>(_sms.TwilioSettings(BaseUrl))
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "referrals@referrals.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = _mailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Messaging:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
            ["Referrals:Notifications:CoordinatorEmail"] = "coordinator@referrals.example",
            ["Referrals:Notifications:ScoutFallbackEmail"] = "scouts@referrals.example",
        };
        _factory = new WebFactory(settings);
        _factory.UseKestrel(port);
        // Off xunit's synchronization context: StartServer blocks on the host's start, whose hosted services
        // await continuations that would otherwise queue behind the blocked test thread.
        await Task.Run(_factory.StartServer);

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
    /// <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPersonAsync(string locale = "en-GB")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _sms.DisposeAsync();
        await _mailDev.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private sealed class WebFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(TestServices.AddMissing);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
