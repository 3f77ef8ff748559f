using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;

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
        await page.GotoAsync(new Uri(app.BaseUrl, "/scout/referrals/new").AbsoluteUri);
        await page.FillAsync("#Form_GivenName", "Vesna");
        await page.FillAsync("#Form_Phone", "12345");
        await page.FillAsync("#Form_Municipality", "Atlantis");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("div.actions button[type=submit]"), r => r.Request.Method == "POST");

        Assert.Equal(422, response.Status);
        Assert.Equal("Vesna", await page.InputValueAsync("#Form_GivenName"));
        Assert.Contains("Required", await ErrorFor(page, "Form.FamilyName"), StringComparison.Ordinal);
        Assert.Contains("international format", await ErrorFor(page, "Form.Phone"), StringComparison.Ordinal);
        Assert.Contains("Unknown municipality", await ErrorFor(page, "Form.Municipality"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await ErrorFor(page, "Form.ConsentDataSharing")));
        Assert.False(string.IsNullOrWhiteSpace(await ErrorFor(page, "Form.Needs")));
        Assert.Contains("input-validation-error", await page.GetAttributeAsync("#Form_Phone", "class") ?? string.Empty, StringComparison.Ordinal);
        await Pages.ScreenshotAsync(page, "new-referral-errors");
    }

    [Fact]
    public async Task Scout_preview_shows_the_first_sms_in_the_chosen_language_with_its_segments_without_script()
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "scout", "scout-preview", organisation: "org-preview");
        await page.GotoAsync(new Uri(app.BaseUrl, "/scout/referrals/new").AbsoluteUri);
        await page.FillAsync("#Form_Municipality", "Ниш");
        await page.FillAsync("#Form_ExpectedReturnDate", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
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
        await scout.GotoAsync(new Uri(app.BaseUrl, "/scout/referrals/new").AbsoluteUri);
        await FillValidReferralAsync(scout, "Niš");
        await Pages.ScreenshotAsync(scout, "new-referral");
        await scout.ClickAsync("div.actions button[type=submit]");
        await scout.WaitForURLAsync(new Regex("/referrals/[a-z2-7]{20}$"));
        var id = scout.Url[(scout.Url.LastIndexOf('/') + 1)..];
        Assert.Contains("submitted", await scout.Locator(".flash").TextContentAsync() ?? string.Empty, StringComparison.OrdinalIgnoreCase);

        // A mail scanner follows the emailed link without a session: it reaches the sign-in page, nothing changes.
        using (var scanner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var scanned = await scanner.GetAsync(new Uri(app.BaseUrl, $"/referrals/{id}"));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, scanned.StatusCode);
            Assert.Equal("/signin", scanned.Headers.Location?.AbsolutePath);
        }

        // The advisor of the MSC Niš finds it in the inbox and opens the link from the email.
        var advisor = await app.NewPersonAsync();
        await Pages.SignInAsync(advisor, app.BaseUrl, "advisor", "advisor-journey", msc: "nis");
        await Pages.GotoUntilVisibleAsync(advisor, new Uri(app.BaseUrl, "/inbox").AbsoluteUri, $"a[href='/referrals/{id}']", ReadModelWait);
        Assert.Contains("MSC acknowledgement", await advisor.Locator($"tr:has(a[href='/referrals/{id}'])").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await Pages.ScreenshotAsync(advisor, "advisor-inbox");

        await advisor.GotoAsync(new Uri(app.BaseUrl, $"/referrals/{id}").AbsoluteUri);
        Assert.Equal(ReferralStatus.AwaitingAcknowledgement, (await StateAsync(id)).Status);
        Assert.Equal("Awaiting acknowledgement", await advisor.Locator(".summary .status").TextContentAsync());
        await Pages.ScreenshotAsync(advisor, "referral-advisor");

        await advisor.ClickAsync("form.action button:has-text('Acknowledge')");
        await advisor.WaitForSelectorAsync(".flash");
        Assert.Equal("Acknowledged", await advisor.Locator(".summary .status").TextContentAsync());
        Assert.Equal(ReferralStatus.Acknowledged, (await StateAsync(id)).Status);
        await Pages.ScreenshotAsync(advisor, "referral-acknowledged");

        // The scout sees whether and when the MSC acknowledged.
        await Pages.GotoUntilVisibleAsync(scout, new Uri(app.BaseUrl, "/scout/referrals").AbsoluteUri,
            $"tr:has(a[href='/referrals/{id}']) .ok", ReadModelWait);
        Assert.StartsWith("Yes,", (await scout.Locator($"tr:has(a[href='/referrals/{id}']) .ok").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        await Pages.ScreenshotAsync(scout, "scout-referrals");
        await scout.GotoAsync(new Uri(app.BaseUrl, $"/referrals/{id}").AbsoluteUri);
        await Pages.ScreenshotAsync(scout, "referral-scout");

        // The coordinator sees it among all referrals and on the dashboard.
        var coordinator = await app.NewPersonAsync();
        await Pages.SignInAsync(coordinator, app.BaseUrl, "coordinator", "coordinator-journey");
        await Pages.GotoUntilVisibleAsync(coordinator, new Uri(app.BaseUrl, "/coordinator/referrals?msc=nis").AbsoluteUri,
            $"a[href='/referrals/{id}']", ReadModelWait);
        await Pages.ScreenshotAsync(coordinator, "coordinator-referrals");
        await coordinator.GotoAsync(new Uri(app.BaseUrl, "/coordinator/dashboard").AbsoluteUri);
        Assert.Equal(5, await coordinator.Locator("svg.chart").CountAsync());
        Assert.True(await coordinator.Locator("svg.chart rect").CountAsync() > 0);
        await Pages.ScreenshotAsync(coordinator, "coordinator-dashboard");

        var csv = await coordinator.Context.APIRequest.GetAsync(new Uri(app.BaseUrl, "/coordinator/dashboard.csv").AbsoluteUri);
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.StartsWith("figure,dimension,subdimension,value", text, StringComparison.Ordinal);
        Assert.Contains("referralsPerWeek,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Journeyić", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id, text, StringComparison.Ordinal);
    }

    private async Task<ReferralState> StateAsync(string id)
    {
        var workflow = app.Services.GetRequiredService<IWorkflowClient<ReferralState, ReferralCommand>>();
        return await workflow.GetStateAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("No referral " + id);
    }

    private static async Task<string> ErrorFor(IPage page, string field) =>
        await page.Locator($"span[data-valmsg-for='{field}']").TextContentAsync() ?? string.Empty;

    internal static async Task FillValidReferralAsync(IPage page, string municipality)
    {
        await page.FillAsync("#Form_GivenName", "Milan");
        await page.FillAsync("#Form_FamilyName", "Journeyić");
        await page.FillAsync("#Form_DateOfBirth", "1986-05-17");
        await page.SelectOptionAsync("#Form_Gender", "Male");
        await page.FillAsync("#Form_Phone", "+49 151 5550 2001");
        await page.SelectOptionAsync("#Form_PreferredLanguage", "sr-Latn");
        await page.FillAsync("#Form_Adults", "2");
        await page.FillAsync("#Form_Minors", "1");
        await page.FillAsync("#Form_ExpectedReturnDate", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
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
}
