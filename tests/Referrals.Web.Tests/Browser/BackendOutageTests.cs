using Microsoft.Playwright;

namespace Referrals.Web.Tests.Browser;

/// <summary>The web app while the backend is down: it says so, and a new referral typed in meanwhile is not lost.</summary>
[Collection(WebCollection.Name)]
public sealed class BackendOutageTests(WebAppFixture app)
{
    private const string UnavailableTitle = "The service is not reachable right now";

    [Fact]
    public async Task With_the_backend_stopped_pages_say_the_service_is_unavailable_and_a_new_referral_keeps_its_input_and_is_created_once_when_resent()
    {
        var scout = await app.NewPersonAsync();
        await Pages.SignInAsync(scout, app.BaseUrl, "scout", "scout-outage", organisation: "org-outage");
        await scout.GotoAsync(app.Url("/scout/new"));
        var returnDate = (await app.Api.TodayAsync()).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ReferralJourneyTests.FillValidReferralAsync(scout, "Niš", "Outageović", returnDate);

        await app.StopBackendAsync();
        try
        {
            // A form sent while the backend is down: the same form comes back, as typed, saying it was not sent.
            var key = await scout.InputValueAsync("#Form_IdempotencyKey");
            var posted = await scout.RunAndWaitForResponseAsync(
                () => scout.ClickAsync("div.actions button[type=submit]"),
                r => r.Request.Method == "POST", new PageRunAndWaitForResponseOptions { Timeout = 90_000 });
            Assert.Equal(503, posted.Status);
            await scout.Locator("form.referral-form .errors button:has-text('Send again')").WaitForAsync();
            Assert.Contains("could not be reached", await scout.Locator("form.referral-form .errors").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal("Milan", await scout.InputValueAsync("#Form_GivenName"));
            Assert.Equal("Outageović", await scout.InputValueAsync("#Form_FamilyName"));
            Assert.Equal(returnDate, await scout.InputValueAsync("#Form_ExpectedReturnDate"));
            Assert.Equal("BEG", await scout.InputValueAsync("#Form_ArrivalPoint"));
            Assert.True(await scout.IsCheckedAsync("#need-Employment"));
            Assert.True(await scout.IsCheckedAsync("#Form_ConsentDataSharing"));
            Assert.False(string.IsNullOrEmpty(key));
            Assert.Equal(key, await scout.InputValueAsync("#Form_IdempotencyKey"));
            await Pages.ScreenshotAsync(scout, "new-referral-not-sent");

            // A page read while the backend is down: the same message, with a way to try again.
            var list = await scout.Context.NewPageAsync();
            var listed = await list.GotoAsync(app.Url("/scout/referrals"), new PageGotoOptions { Timeout = 90_000 });
            Assert.Equal(503, listed!.Status);
            Assert.Contains("frame-ancestors 'none'", (await listed.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal(UnavailableTitle, await Pages.HeadingAsync(list));
            Assert.Equal("/scout/referrals", await list.Locator("main a.button").GetAttributeAsync("href"));
            await Pages.ScreenshotAsync(list, "service-unavailable");
            await list.CloseAsync();
        }
        finally
        {
            await app.StartBackendAsync();
        }

        // Back on the same address: "Send again" creates the referral, exactly once.
        var resent = await scout.RunAndWaitForResponseAsync(
            () => scout.ClickAsync("button:has-text('Send again')"),
            r => r.Request.Method == "POST", new PageRunAndWaitForResponseOptions { Timeout = 90_000 });
        Assert.True(resent.Status == 302, $"The resend answered {resent.Status}: {await scout.Locator("main").InnerTextAsync()}");
        // A locator, not WaitForURL: its load-state wait has missed the event after a redirect before.
        await scout.Locator(".summary .status").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Matches(ReferralJourneyTests.ReferralUrlPattern(), scout.Url);
        var id = scout.Url[(scout.Url.LastIndexOf('/') + 1)..];
        Assert.Contains("Outageović", await Pages.HeadingAsync(scout), StringComparison.Ordinal);

        var token = await app.Api.TokenAsync("scout", "scout-outage", organisation: "org-outage");
        var ids = await Eventually.UntilAsync(() => app.Api.ListIdsAsync(token), l => l.Contains(id), TimeSpan.FromSeconds(30),
            $"Referral {id} in org-outage's list");
        Assert.Equal([id], ids);
    }
}
