using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Referrals.Web.Tests.Browser;

/// <summary>
/// One load of the advisor inbox page next to the API call behind it (<c>GET /api/referrals</c> with the advisor's
/// token), reported, never asserted: rounds from REFERRALS_BENCH_ROUNDS (default 7). Run it alone with
/// <c>dotnet test tests/Referrals.Web.Tests -c Release --no-build --filter "FullyQualifiedName~InboxTimingTests"
/// --logger "console;verbosity=detailed"</c>; the medians are printed and written to .artifacts/bench/inbox.txt.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InboxTimingTests(WebAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Inbox_page_load_and_its_api_call_are_measured_and_reported_side_by_side()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("REFERRALS_BENCH_ROUNDS"), out var n) && n > 0 ? n : 7;
        var id = await app.Api.SubmitAsync("org-timing", "Timingović");
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-timing", msc: "nis");
        await Pages.GotoUntilVisibleAsync(page, app.Url("/advisor/inbox"), $"a[href='/referrals/{id}']", TimeSpan.FromSeconds(30));
        var token = await app.Api.TokenAsync("advisor", "advisor-timing", msc: "nis");
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        using var web = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var pageTimes = new List<double>();
        var documentTimes = new List<double>();
        var apiTimes = new List<double>();
        for (var round = 0; round < rounds + 1; round++)
        {
            // The page as the browser loads it: navigation to the load event (document, stylesheet).
            var watch = Stopwatch.StartNew();
            var response = await page.GotoAsync(app.Url("/advisor/inbox"), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var pageMs = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(200, response!.Status);
            Assert.Equal(1, await page.Locator($"a[href='/referrals/{id}']").CountAsync());

            // The page's document alone, over the same kind of client as the API call (HttpClient, the session cookie):
            // the web app's own time, which includes its API call.
            using var documentRequest = new HttpRequestMessage(HttpMethod.Get, app.Url("/advisor/inbox"));
            documentRequest.Headers.Add("Cookie", cookies);
            watch.Restart();
            using var document = await web.SendAsync(documentRequest);
            await document.Content.ReadAsByteArrayAsync();
            var documentMs = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(System.Net.HttpStatusCode.OK, document.StatusCode);

            // The API call behind it.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            watch.Restart();
            using var api = await app.Api.SendAsync(request);
            await api.Content.ReadAsByteArrayAsync();
            var apiMs = watch.Elapsed.TotalMilliseconds;
            Assert.True(api.IsSuccessStatusCode, $"GET /api/referrals answered {(int)api.StatusCode}.");

            if (round > 0)
            {
                pageTimes.Add(pageMs);
                documentTimes.Add(documentMs);
                apiTimes.Add(apiMs);
            }
        }

        var report = string.Create(CultureInfo.InvariantCulture,
            $"advisor inbox, {rounds} rounds after 1 warm-up: page load (browser, to load event) median {Median(pageTimes):F1} ms; "
            + $"page document (HttpClient GET) median {Median(documentTimes):F1} ms; GET /api/referrals median {Median(apiTimes):F1} ms; "
            + $"ratio page/API {Median(pageTimes) / Median(apiTimes):F2}, document/API {Median(documentTimes) / Median(apiTimes):F2}");
        output.WriteLine(report);
        var directory = Path.Combine(Referrals.Testing.RepositoryPaths.Root, ".artifacts", "bench");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "inbox.txt"), report + Environment.NewLine);

        Assert.Equal(rounds, pageTimes.Count);
        Assert.All(pageTimes.Concat(documentTimes).Concat(apiTimes), t => Assert.True(t > 0));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
