using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Referrals.Web.Tests.Browser;

/// <summary>Sessions, antiforgery, response headers, TLS behind a proxy, and the Development clock.</summary>
[Collection(WebCollection.Name)]
public sealed partial class SecurityTests(WebAppFixture app)
{
    [Fact]
    public async Task A_signed_in_person_can_switch_language_and_sign_out_without_an_antiforgery_400()
    {
        var page = await app.NewPersonAsync();
        var posts = new List<(string Url, int Status)>();
        page.Response += (_, r) =>
        {
            if (r.Request.Method == "POST")
            {
                posts.Add((r.Url, r.Status));
            }
        };
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-switch", msc: "nis");

        await page.SelectOptionAsync("#ui-language", "de");
        await page.ClickAsync("header form[action='/language'] button");
        await page.Locator("h1:text-is('Eingang')").WaitForAsync();
        Assert.Contains(new Uri(page.Url).AbsolutePath, new[] { "/advisor/inbox", "/inbox" });

        await page.ClickAsync("header form[action='/signout'] button");
        await page.Locator("#role-advisor").WaitForAsync();
        Assert.Equal(0, await page.Locator("header .who").CountAsync());

        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.True(p.Status < 400, $"POST {p.Url} answered {p.Status}."));
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_no_longer_opens_the_inbox_after_sign_out()
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-copied", msc: "nis");
        var session = (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("referrals.session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);

        // The copy works while the session lasts ...
        var before = await app.NewContextAsync();
        await before.AddCookiesAsync(session.Select(Copy));
        var beforePage = await before.NewPageAsync();
        await beforePage.GotoAsync(app.Url("/advisor/inbox"));
        Assert.Equal("/advisor/inbox", new Uri(beforePage.Url).AbsolutePath);
        await beforePage.Locator("header .who").WaitForAsync();

        await page.ClickAsync("header form[action='/signout'] button");
        await page.Locator("#role-advisor").WaitForAsync();

        // ... and not after signing out: the server ended it, whatever the browser kept.
        var after = await app.NewContextAsync();
        await after.AddCookiesAsync(session.Select(Copy));
        var afterPage = await after.NewPageAsync();
        await afterPage.GotoAsync(app.Url("/advisor/inbox"));
        Assert.Equal("/signin", new Uri(afterPage.Url).AbsolutePath);
        Assert.Equal(0, await afterPage.Locator("header .who").CountAsync());
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("start page redirect", await http.GetAsync("/")),
            ("sign-in page", await http.GetAsync("/signin")),
            ("static file", await http.GetAsync("/css/site.css")),
            ("unknown page", await http.GetAsync("/no-such-page")),
            ("sign-in redirect", await http.GetAsync("/advisor/inbox")),
            ("antiforgery refusal", await http.PostAsync("/language", new FormUrlEncodedContent([new("culture", "de")]))),
        };
        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Redirect, HttpStatusCode.BadRequest],
            responses.Select(r => r.Response.StatusCode));

        // Signed in: the access-denied redirect and page, and the not-found page.
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "scout", "scout-headers", organisation: "org-headers");
        var denied = await page.APIRequest.GetAsync(app.Url("/advisor/inbox"), new() { MaxRedirects = 0 });
        var deniedPage = await page.GotoAsync(app.Url("/advisor/inbox"));
        var notFound = await page.GotoAsync(app.Url("/referrals/aaaaaaaaaaaaaaaaaaaa"));
        var browserResponses = new List<(string What, IReadOnlyDictionary<string, string> Headers)>
        {
            ("access-denied redirect", denied.Headers),
            ("access-denied page", await deniedPage!.AllHeadersAsync()),
            ("not-found referral", await notFound!.AllHeadersAsync()),
        };
        Assert.Equal([302, 403, 404], new[] { denied.Status, deniedPage.Status, notFound.Status });

        var all = responses.Select(r => (r.What, Headers: (IReadOnlyDictionary<string, string>)r.Response.Headers
                .Concat(r.Response.Content.Headers)
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value))))
            .Concat(browserResponses);
        foreach (var (what, headers) in all)
        {
            Assert.True(headers.TryGetValue("content-security-policy", out var csp), $"{what}: no Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.True(headers.TryGetValue("x-content-type-options", out var nosniff) && nosniff == "nosniff", $"{what}: no X-Content-Type-Options: nosniff");
            Assert.True(headers.TryGetValue("referrer-policy", out var referrer) && referrer.Length > 0, $"{what}: no Referrer-Policy");
            Assert.True(headers.TryGetValue("x-frame-options", out var frame) && frame.Length > 0, $"{what}: no X-Frame-Options");
        }

        foreach (var (_, response) in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Behind_a_TLS_terminating_proxy_the_cookies_are_Secure_and_HSTS_is_sent()
    {
        // Production (HSTS is off in Development) with forwarded headers on, as behind App Service's front end. It has
        // no Development sign-in, so its cookies are the antiforgery and the language ones.
        await using var production = new WebAppHost(Referrals.Testing.FreePort.Next(), "Production", Proxied(app.WebSettings));
        await production.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = production.BaseUrl };

        using var signIn = await http.SendAsync(ViaProxy(HttpMethod.Get, "/signin"));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.True(signIn.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "No HSTS header over forwarded https.");
        Assert.Contains("max-age=", hsts.Single(), StringComparison.Ordinal);
        var antiforgery = SetCookies(signIn);
        Assert.Contains(antiforgery, c => c.StartsWith("referrals.af", StringComparison.Ordinal));
        Assert.All(antiforgery, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        using var language = ViaProxy(HttpMethod.Post, "/language", Cookies(antiforgery));
        language.Content = new FormUrlEncodedContent(
        [
            new("culture", "de"), new("returnUrl", "/signin"), new("__RequestVerificationToken", await TokenAsync(signIn)),
        ]);
        using var switched = await http.SendAsync(language);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.True(switched.Headers.Contains("Strict-Transport-Security"));
        var culture = SetCookies(switched);
        Assert.Contains(culture, c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.All(culture, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Straight to the app over plain http (no proxy header): no HSTS, no Secure.
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/signin");
        direct.Headers.Host = "referrals.example";
        using var plain = await http.SendAsync(direct);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(plain), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        // The session cookie, from the Development sign-in (allowed in Development only) behind the same proxy.
        await using var development = new WebAppHost(Referrals.Testing.FreePort.Next(), "Development", Proxied(app.WebSettings));
        await development.StartAsync();
        using var devHttp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = development.BaseUrl };
        using var devSignIn = await devHttp.SendAsync(ViaProxy(HttpMethod.Get, "/signin"));
        using var post = ViaProxy(HttpMethod.Post, "/signin", Cookies(SetCookies(devSignIn)));
        post.Content = new FormUrlEncodedContent(
        [
            new("Form.Role", "advisor"), new("Form.Subject", "advisor-proxied"), new("Form.Msc", "nis"),
            new("__RequestVerificationToken", await TokenAsync(devSignIn)),
        ]);
        using var signedIn = await devHttp.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = SetCookies(signedIn).Where(c => c.StartsWith("referrals.session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        Assert.All(session, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(session, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string?> Proxied(IReadOnlyDictionary<string, string?> settings) =>
        new(settings) { ["Web:ForwardedHeaders"] = "true" };

    /// <summary>A request as the TLS-terminating proxy forwards it (public host name, https, client address).</summary>
    private static HttpRequestMessage ViaProxy(HttpMethod method, string path, string? cookies = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "referrals.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return request;
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static string Cookies(IEnumerable<string> setCookies) => string.Join("; ", setCookies.Select(c => c.Split(';')[0]));

    private static async Task<string> TokenAsync(HttpResponseMessage page) =>
        WebUtility.HtmlDecode(TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);

    [Fact]
    public async Task After_the_dev_clock_advances_ten_days_a_signed_in_person_is_still_signed_in()
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-clock", msc: "nis");
        var before = await app.Api.TodayAsync();

        await app.Api.AdvanceClockAsync("P10D");

        Assert.True((await app.Api.TodayAsync()).DayNumber - before.DayNumber >= 10);
        var response = await page.GotoAsync(app.Url("/advisor/inbox"));
        Assert.Equal(200, response!.Status);
        Assert.Equal("/advisor/inbox", new Uri(page.Url).AbsolutePath);
        Assert.Contains("advisor-clock", await page.Locator("header .who").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".flash.error").CountAsync());
    }

    private static Microsoft.Playwright.Cookie Copy(BrowserContextCookiesResult c) => new()
    {
        Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
        SameSite = c.SameSite,
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
