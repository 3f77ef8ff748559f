using Microsoft.Playwright;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>What a person does on the pages, as test steps.</summary>
internal static class Pages
{
    /// <summary>Where <see cref="ScreenshotAsync"/> writes: the directory in REFERRALS_SCREENSHOTS (relative to the
    /// repository root, e.g. docs/screenshots), or nowhere when it is not set (a normal test run writes nothing).</summary>
    public static string? ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("REFERRALS_SCREENSHOTS") is { Length: > 0 } directory
            ? Path.GetFullPath(directory, RepositoryPaths.Root)
            : null;

    public static async Task SignInAsync(IPage page, Uri baseUrl, string role, string subject, string? organisation = null,
        string? msc = null)
    {
        var response = await page.GotoAsync(new Uri(baseUrl, "/signin").AbsoluteUri);
        if (response is not { Status: 200 } || await page.Locator($"#role-{role}").CountAsync() == 0)
        {
            throw new InvalidOperationException($"The sign-in page answered {response?.Status}: {Truncate(await page.InnerTextAsync("body"), 3000)}");
        }

        await FillSignInAsync(page, role, subject, organisation, msc);
        // Wait for the signed-in header on the page the sign-in leads to, never for a load state (a load-state wait
        // missed its event during the redirect in CI). A locator polls whichever page is current; the sign-in page
        // has no such header.
        await page.Locator("header .who").WaitForAsync();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    public static async Task FillSignInAsync(IPage page, string role, string subject, string? organisation = null, string? msc = null)
    {
        await page.CheckAsync($"#role-{role}");
        await page.FillAsync("#Form_Subject", subject);
        if (organisation is not null)
        {
            await page.FillAsync("#Form_Organisation", organisation);
        }

        if (msc is not null)
        {
            // A list of the MSCs (from the API), or a text box when the list could not be read.
            if (await page.Locator("select#Form_Msc").CountAsync() > 0)
            {
                await page.SelectOptionAsync("#Form_Msc", msc);
            }
            else
            {
                await page.FillAsync("#Form_Msc", msc);
            }
        }

        await page.ClickAsync("form.card button[type=submit]");
    }

    /// <summary>The text of the first <c>h1</c>, trimmed.</summary>
    public static async Task<string> HeadingAsync(IPage page) =>
        (await page.Locator("h1").First.TextContentAsync())?.Trim() ?? string.Empty;

    /// <summary>True when the page is no wider than the window (nothing to scroll sideways).</summary>
    public static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>With REFERRALS_SCREENSHOTS set, saves the page at 1280 px and 360 px wide (full height) as
    /// <c>{name}-1280.png</c> and <c>{name}-360.png</c>; otherwise does nothing.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        var viewport = page.ViewportSize;
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotDirectory, $"{name}-{width}.png"),
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
            });
        }

        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }

    /// <summary>Reloads <paramref name="url"/> until <paramref name="selector"/> is on it (read models are written by
    /// effects just after a command), failing after <paramref name="timeout"/>.</summary>
    public static async Task GotoUntilVisibleAsync(IPage page, string url, string selector, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await page.GotoAsync(url);
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"'{selector}' did not appear on {url} within {timeout}.");
            }

            await page.WaitForTimeoutAsync(200);
        }
    }
}
