using Microsoft.Playwright;
using Referrals.Testing;

namespace Referrals.Web.Tests.Browser;

/// <summary>What a person does on the pages, as test steps.</summary>
internal static class Pages
{
    public static string ScreenshotDirectory { get; } =
        Path.Combine(RepositoryPaths.Root, ".artifacts", "screenshots");

    public static async Task SignInAsync(IPage page, Uri baseUrl, string role, string subject, string? organisation = null,
        string? msc = null)
    {
        await page.GotoAsync(new Uri(baseUrl, "/signin").AbsoluteUri);
        await page.CheckAsync($"#role-{role}");
        await page.FillAsync("#Form_Subject", subject);
        if (organisation is not null)
        {
            await page.FillAsync("#Form_Organisation", organisation);
        }

        if (msc is not null)
        {
            await page.SelectOptionAsync("#Form_Msc", msc);
        }

        await page.ClickAsync("form.card button[type=submit]");
        // Wait for the signed-in header on the page the sign-in leads to, never for a load state: three times in CI a
        // load-state wait (directly, and inside WaitForURL) missed its event during the redirect and never resolved.
        // A locator polls whichever page is current, so it cannot miss anything; the sign-in page has no such header.
        await page.Locator("header .who").WaitForAsync();
    }

    /// <summary>Saves the page at 1280 px and 360 px wide (full height) as test artifacts.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var viewport = page.ViewportSize;
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotDirectory, $"{name}-{width}.png"),
                FullPage = true,
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

            await page.WaitForTimeoutAsync(250);
        }
    }
}
