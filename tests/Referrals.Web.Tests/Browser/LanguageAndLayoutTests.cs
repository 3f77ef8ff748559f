namespace Referrals.Web.Tests.Browser;

/// <summary>The three interface languages, and the main pages on a 360 px phone.</summary>
[Collection(WebCollection.Name)]
public sealed class LanguageAndLayoutTests(WebAppFixture app)
{
    [Theory]
    [InlineData("en-GB", "en", "Sign in", "Inbox")]
    [InlineData("de-DE", "de", "Anmelden", "Eingang")]
    [InlineData("sr-RS", "sr-Latn", "Prijava", "Prijemno")]
    public async Task Each_interface_language_renders_the_sign_in_page_and_a_signed_in_page_from_the_browser_language(
        string locale, string lang, string signInTitle, string inboxTitleStart)
    {
        var page = await app.NewPersonAsync(locale);
        await page.GotoAsync(app.Url("/signin"));
        Assert.Equal(signInTitle, await Pages.HeadingAsync(page));
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));

        await Pages.FillSignInAsync(page, "advisor", $"advisor-{lang}", msc: "nis");
        await page.Locator("header .who").WaitForAsync();
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.StartsWith(inboxTitleStart, await Pages.HeadingAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_changes_the_interface_language_and_stays_on_the_same_page()
    {
        var page = await app.NewPersonAsync(locale: "sr-RS");
        await page.GotoAsync(app.Url("/signin"));
        Assert.Equal("Prijava", await Pages.HeadingAsync(page));

        await page.SelectOptionAsync("#ui-language", "de");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("header form.inline button"),
            r => r.Request.Method == "POST");

        Assert.True(response.Status < 400, $"The language switch answered {response.Status}.");
        await page.Locator("h1:text-is('Anmelden')").WaitForAsync();
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task At_360_px_the_main_pages_of_every_role_have_no_horizontal_scroll()
    {
        var id = await app.Api.SubmitAsync("org-narrow", "Narrowić");
        var checkedPages = new List<string>();

        async Task CheckAsync(Microsoft.Playwright.IPage page, string path)
        {
            var response = await page.GotoAsync(app.Url(path));
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
            Assert.True(await Pages.FitsWidthAsync(page),
                $"{path} is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide at 360 px.");
            Assert.True(await page.Locator("h1").First.IsVisibleAsync(), $"{path} shows no heading.");
            checkedPages.Add(path);
        }

        var anonymous = await app.NewPersonAsync(width: 360);
        await CheckAsync(anonymous, "/signin");

        var scout = await app.NewPersonAsync(width: 360);
        await Pages.SignInAsync(scout, app.BaseUrl, "scout", "scout-narrow", organisation: "org-narrow");
        await CheckAsync(scout, "/scout/referrals");
        await CheckAsync(scout, "/scout/new");
        await CheckAsync(scout, $"/referrals/{id}");

        var advisor = await app.NewPersonAsync(width: 360);
        await Pages.SignInAsync(advisor, app.BaseUrl, "advisor", "advisor-narrow", msc: "nis");
        await CheckAsync(advisor, "/advisor/inbox");
        await CheckAsync(advisor, $"/referrals/{id}");

        var coordinator = await app.NewPersonAsync(width: 360);
        await Pages.SignInAsync(coordinator, app.BaseUrl, "coordinator", "coordinator-narrow");
        await CheckAsync(coordinator, "/coordinator/referrals");
        await CheckAsync(coordinator, "/coordinator/dashboard");

        Assert.Equal(8, checkedPages.Count);
    }
}
