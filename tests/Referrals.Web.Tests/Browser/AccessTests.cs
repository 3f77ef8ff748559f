using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.App.Web.Demo;
using Referrals.App.Web.Services;
using Referrals.Domain.Model;

namespace Referrals.Web.Tests.Browser;

/// <summary>Sign-in per role, and that nobody reaches another role's pages or another MSC's referral.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("scout", "org-a", null, "/scout/referrals", "My organisation's referrals")]
    [InlineData("advisor", null, "kragujevac", "/inbox", "Inbox")]
    [InlineData("coordinator", null, null, "/coordinator/referrals", "All referrals")]
    public async Task Signing_in_lands_each_role_on_its_start_page(string role, string? org, string? msc, string path,
        string heading)
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-signin", org, msc);

        Assert.Equal(new Uri(app.BaseUrl, path).AbsoluteUri, page.Url);
        Assert.StartsWith(heading, (await page.Locator("h1").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        if (role == "advisor")
        {
            await Pages.ScreenshotAsync(page, "advisor-inbox-empty");
        }
    }

    [Theory]
    [InlineData("scout", "/inbox")]
    [InlineData("scout", "/coordinator/dashboard")]
    [InlineData("advisor", "/scout/referrals/new")]
    [InlineData("advisor", "/coordinator/referrals")]
    [InlineData("advisor", "/coordinator/dashboard.csv")]
    [InlineData("coordinator", "/scout/referrals")]
    [InlineData("coordinator", "/inbox")]
    public async Task A_role_cannot_open_another_roles_page(string role, string path)
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-denied", role == "scout" ? "org-b" : null,
            role == "advisor" ? "nis" : null);

        var response = await page.GotoAsync(new Uri(app.BaseUrl, path).AbsoluteUri);

        Assert.Equal(403, response!.Status);
        Assert.StartsWith("/access-denied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        if (path == "/inbox" && role == "scout")
        {
            await Pages.ScreenshotAsync(page, "access-denied");
        }
    }

    [Fact]
    public async Task Without_a_session_a_page_sends_to_sign_in_and_back_afterwards()
    {
        var page = await app.NewPersonAsync();
        await page.GotoAsync(new Uri(app.BaseUrl, "/coordinator/dashboard").AbsoluteUri);
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Pages.ScreenshotAsync(page, "signin");

        await page.CheckAsync("#role-coordinator");
        await page.FillAsync("#Form_Subject", "coordinator-return");
        await page.ClickAsync("form.card button[type=submit]");

        Assert.Equal("/coordinator/dashboard", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_advisor_of_another_MSC_and_a_scout_of_another_organisation_get_not_found()
    {
        var id = await SubmitAsync("org-owner", "access-owner-1");

        foreach (var (role, org, msc) in new[] { ("advisor", (string?)null, (string?)"subotica"), ("scout", "org-other", null) })
        {
            var page = await app.NewPersonAsync();
            await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-outsider", org, msc);

            var response = await page.GotoAsync(new Uri(app.BaseUrl, $"/referrals/{id}").AbsoluteUri);

            Assert.Equal(404, response!.Status);
            Assert.Equal("Referral not found", (await page.Locator("h1").TextContentAsync())?.Trim());
            Assert.DoesNotContain("Demo-Petrović", await page.ContentAsync(), StringComparison.Ordinal);
        }

        var owner = await app.NewPersonAsync();
        await Pages.SignInAsync(owner, app.BaseUrl, "advisor", "advisor-owner", msc: "nis");
        var ownResponse = await owner.GotoAsync(new Uri(app.BaseUrl, $"/referrals/{id}").AbsoluteUri);
        Assert.Equal(200, ownResponse!.Status);
    }

    [Fact]
    public async Task An_acknowledge_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var id = await SubmitAsync("org-csrf", "access-csrf-1");
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-csrf", msc: "nis");

        var response = await page.APIRequest.PostAsync(new Uri(app.BaseUrl, $"/referrals/{id}?handler=Acknowledge").AbsoluteUri,
            new() { Form = page.APIRequest.CreateFormData().Set("note", "forged") });

        Assert.Equal(400, response.Status);
        var state = await app.Services.GetRequiredService<Referrals.Workflow.IWorkflowClient<Referrals.Domain.Lifecycle.ReferralState, Referrals.Domain.Lifecycle.ReferralCommand>>()
            .GetStateAsync(id, CancellationToken.None);
        Assert.Equal(ReferralStatus.AwaitingAcknowledgement, state!.Status);
    }

    [Fact]
    public async Task The_interface_follows_the_browser_language_and_the_language_switch()
    {
        var page = await app.NewPersonAsync(locale: "sr-RS");
        await page.GotoAsync(new Uri(app.BaseUrl, "/signin").AbsoluteUri);
        Assert.Equal("Prijava", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("sr-Latn", await page.GetAttributeAsync("html", "lang"));

        await page.SelectOptionAsync("#ui-language", "de");
        await page.ClickAsync("header form.inline button");

        Assert.Equal("Anmelden", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Submits a referral to the MSC Niš through the same service the pages use.</summary>
    private async Task<string> SubmitAsync(string organisation, string key)
    {
        using var scope = app.Services.CreateScope();
        var referrals = scope.ServiceProvider.GetRequiredService<WebReferrals>();
        var request = DemoReferrals.All(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1), "2026-1", DateTimeOffset.UtcNow)[0].Request;
        var outcome = await referrals.SubmitAsync(new Caller("scout-owner", Role.Scout, organisation, null), request, key,
            CancellationToken.None);
        return outcome.ReferralId ?? throw new InvalidOperationException(outcome.Reason ?? string.Join(", ", outcome.Errors.Keys));
    }
}
