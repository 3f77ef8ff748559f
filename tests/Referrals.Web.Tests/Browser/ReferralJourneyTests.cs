using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Referrals.Web.Tests.Browser;

/// <summary>The main path through the pages, as people walk it, with a screenshot of every page on the way.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ReferralJourneyTests(WebAppFixture app)
{
    private static readonly TimeSpan ReadModelWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Scout_form_with_errors_shows_each_error_next_to_its_field_and_keeps_what_was_typed()
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "scout", "scout-errors", organisation: "org-errors");
        await page.GotoAsync(app.Url("/scout/new"));
        await page.FillAsync("#Form_GivenName", "Vesna");
        await page.FillAsync("#Form_Phone", "12345");
        await page.FillAsync("#Form_Municipality", "Atlantis");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("div.actions button[type=submit]"), r => r.Request.Method == "POST");

        Assert.Equal(422, response.Status);
        Assert.Equal("Vesna", await page.InputValueAsync("#Form_GivenName"));
        Assert.Equal("12345", await page.InputValueAsync("#Form_Phone"));
        Assert.Equal("Atlantis", await page.InputValueAsync("#Form_Municipality"));
        foreach (var field in new[] { "FamilyName", "Phone", "Municipality", "ConsentDataSharing", "Needs" })
        {
            Assert.False(string.IsNullOrWhiteSpace(await ErrorFor(page, field)), $"No error shown for {field}.");
        }

        // Next to the field: in the same field block as the input it is about.
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("div.field:has(#Form_Phone) span.error").TextContentAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("div.field:has(#Form_FamilyName) span.error").TextContentAsync()));
        Assert.True(string.IsNullOrWhiteSpace(await ErrorFor(page, "GivenName")), "GivenName was valid but shows an error.");
        Assert.Contains("input-validation-error", await page.GetAttributeAsync("#Form_Phone", "class") ?? string.Empty, StringComparison.Ordinal);
        await Pages.ScreenshotAsync(page, "new-referral-errors");
    }

    [Fact]
    public async Task Scout_preview_shows_the_first_sms_in_the_chosen_language_with_its_segments_and_keeps_the_form()
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "scout", "scout-preview", organisation: "org-preview");
        await page.GotoAsync(app.Url("/scout/new"));
        await page.FillAsync("#Form_Municipality", "Ниш");
        await page.FillAsync("#Form_ExpectedReturnDate", await DateAsync(20));
        await page.SelectOptionAsync("#Form_PreferredLanguage", "de");

        await page.ClickAsync("section.preview button");

        var sms = page.Locator("blockquote.sms");
        Assert.Equal("de", await sms.GetAttributeAsync("lang"));
        Assert.False(string.IsNullOrWhiteSpace(await sms.TextContentAsync()));
        Assert.Matches(SegmentsPattern(), await page.Locator("section.preview .meta").TextContentAsync() ?? string.Empty);
        Assert.Equal("Ниш", await page.InputValueAsync("#Form_Municipality"));
        await Pages.ScreenshotAsync(page, "new-referral-preview");
    }

    [Fact]
    public async Task Scout_submits_advisor_acknowledges_from_the_emailed_link_and_scout_sees_it_acknowledged()
    {
        // The scout fills in every field and submits.
        var scout = await app.NewPersonAsync();
        await Pages.SignInAsync(scout, app.BaseUrl, "scout", "scout-journey", organisation: "org-journey");
        await scout.GotoAsync(app.Url("/scout/new"));
        await FillValidReferralAsync(scout, "Niš", "Journeyić", await DateAsync(20));
        await Pages.ScreenshotAsync(scout, "new-referral");
        await scout.ClickAsync("div.actions button[type=submit]");
        // A locator, not WaitForURL: its load-state wait has missed the event after a redirect before.
        await scout.Locator(".summary .status").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Matches(ReferralJourneyTests.ReferralUrlPattern(), scout.Url);
        var id = scout.Url[(scout.Url.LastIndexOf('/') + 1)..];
        Assert.Contains("submitted", await scout.Locator(".flash").TextContentAsync() ?? string.Empty, StringComparison.OrdinalIgnoreCase);

        // The MSC's email links to the referral on the web app (read from MailDev's REST API).
        var email = await Eventually.UntilAsync(
            async () => (await app.MailDev.GetEmailsAsync()).FirstOrDefault(e => e.Text.Contains($"/referrals/{id}", StringComparison.Ordinal)),
            e => e is not null, ReadModelWait, $"An email linking to referral {id}");
        var link = LinkPattern().Matches(email!.Text).Select(m => m.Value).First(l => l.EndsWith($"/referrals/{id}", StringComparison.Ordinal));
        Assert.StartsWith(app.BaseUrl.AbsoluteUri, link, StringComparison.Ordinal);

        // A mail scanner follows the emailed link without a session: it reaches the sign-in page, nothing changes.
        using (var scanner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var scanned = await scanner.GetAsync(new Uri(link));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, scanned.StatusCode);
            Assert.Equal("/signin", scanned.Headers.Location?.AbsolutePath);
        }

        // The advisor of the MSC Niš finds it in the inbox, then opens the link from the email.
        var advisor = await app.NewPersonAsync();
        await Pages.SignInAsync(advisor, app.BaseUrl, "advisor", "advisor-journey", msc: "nis");
        await Pages.GotoUntilVisibleAsync(advisor, app.Url("/advisor/inbox"), $"a[href='/referrals/{id}']", ReadModelWait);
        var inboxRow = await advisor.Locator($"tr:has(a[href='/referrals/{id}'])").TextContentAsync() ?? string.Empty;
        Assert.Contains("MSC acknowledgement", inboxRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Journeyić", inboxRow, StringComparison.Ordinal); // lists name the returnee to scouts only
        await Pages.ScreenshotAsync(advisor, "advisor-inbox");

        await advisor.GotoAsync(link);
        Assert.Equal("Awaiting acknowledgement", await advisor.Locator(".summary .status").TextContentAsync());
        await Pages.ScreenshotAsync(advisor, "referral-advisor");

        await advisor.ClickAsync("form.action button:has-text('Acknowledge')");
        await advisor.Locator(".flash").WaitForAsync();
        Assert.Equal("Acknowledged", await advisor.Locator(".summary .status").TextContentAsync());
        var advisorToken = await app.Api.TokenAsync("advisor", "advisor-journey", msc: "nis");
        Assert.Equal("acknowledged", (await app.Api.GetReferralAsync(advisorToken, id)).Body.GetProperty("status").GetString());
        await Pages.ScreenshotAsync(advisor, "referral-acknowledged");

        // The scout sees whether and when the MSC acknowledged.
        await Pages.GotoUntilVisibleAsync(scout, app.Url("/scout/referrals"), $"tr:has(a[href='/referrals/{id}']) .ok", ReadModelWait);
        Assert.StartsWith("Yes,", (await scout.Locator($"tr:has(a[href='/referrals/{id}']) .ok").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        Assert.Equal("Milan Journeyić", (await scout.Locator($"a[href='/referrals/{id}']").TextContentAsync())?.Trim());
        await Pages.ScreenshotAsync(scout, "scout-referrals");
        await scout.GotoAsync(app.Url($"/referrals/{id}"));
        Assert.Equal("Acknowledged", await scout.Locator(".summary .status").TextContentAsync());
        await Pages.ScreenshotAsync(scout, "referral-scout");
    }

    [Fact]
    public async Task Coordinator_sees_all_referrals_and_the_dashboard_and_the_csv_download_has_no_personal_data()
    {
        var id = await app.Api.SubmitAsync("org-dashboard", "Dashboardović");
        var coordinatorToken = await app.Api.TokenAsync("coordinator", "coordinator-dashboard");
        var (_, referral) = await app.Api.GetReferralAsync(coordinatorToken, id);
        var phone = referral.GetProperty("returnee").GetProperty("phone").GetString()!;

        var coordinator = await app.NewPersonAsync();
        await Pages.SignInAsync(coordinator, app.BaseUrl, "coordinator", "coordinator-dashboard");
        await Pages.GotoUntilVisibleAsync(coordinator, app.Url("/coordinator/referrals?msc=nis"), $"a[href='/referrals/{id}']", ReadModelWait);
        await Pages.ScreenshotAsync(coordinator, "coordinator-referrals");

        var dashboard = await coordinator.GotoAsync(app.Url("/coordinator/dashboard"));
        Assert.Equal(200, dashboard!.Status);
        Assert.Equal(5, await coordinator.Locator("svg.chart").CountAsync());
        Assert.True(await coordinator.Locator("svg.chart rect").CountAsync() > 0);
        await Pages.ScreenshotAsync(coordinator, "coordinator-dashboard");

        var download = await coordinator.RunAndWaitForDownloadAsync(
            () => coordinator.Locator("a[href^='/coordinator/dashboard.csv']").First.ClickAsync());
        Assert.Matches(CsvNamePattern(), download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("figure,dimension,subdimension,value", text, StringComparison.Ordinal);
        Assert.Contains("referralsPerWeek,", text, StringComparison.Ordinal);
        foreach (var personal in new[] { "Dashboardović", phone, phone.TrimStart('+'), id, "1988-04-12", "org-dashboard" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    private async Task<string> DateAsync(int daysFromToday) =>
        (await app.Api.TodayAsync()).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> ErrorFor(IPage page, string field) =>
        await page.Locator($"span[data-valmsg-for='Form.{field}']").TextContentAsync() ?? string.Empty;

    internal static async Task FillValidReferralAsync(IPage page, string municipality, string familyName, string returnDate)
    {
        await page.FillAsync("#Form_GivenName", "Milan");
        await page.FillAsync("#Form_FamilyName", familyName);
        await page.FillAsync("#Form_DateOfBirth", "1986-05-17");
        await page.SelectOptionAsync("#Form_Gender", "Male");
        await page.FillAsync("#Form_Phone", Referrals.Testing.SmsSandboxFixture.UniquePhone());
        await page.SelectOptionAsync("#Form_PreferredLanguage", "sr-Latn");
        await page.FillAsync("#Form_Adults", "2");
        await page.FillAsync("#Form_Minors", "1");
        await page.FillAsync("#Form_ExpectedReturnDate", returnDate);
        await page.SelectOptionAsync("#Form_ArrivalPoint", "BEG");
        await page.FillAsync("#Form_Municipality", municipality);
        await page.CheckAsync("#need-Employment");
        await page.CheckAsync("#need-Documents");
        await page.CheckAsync("#Form_ConsentDataSharing");
        await page.CheckAsync("#Form_ConsentSms");
        await page.SelectOptionAsync("#Form_ConsentMethod", "SignedForm");
        await page.FillAsync("#Form_Notes", "Fictional test referral.");
    }

    [GeneratedRegex(@"\d+ SMS segment")]
    private static partial Regex SegmentsPattern();

    [GeneratedRegex("/referrals/[a-z2-7]{20}$")]
    internal static partial Regex ReferralUrlPattern();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^referrals-dashboard-\d{4}-\d{2}-\d{2}\.csv$")]
    private static partial Regex CsvNamePattern();
}
