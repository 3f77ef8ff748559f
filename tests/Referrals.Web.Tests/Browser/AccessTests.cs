namespace Referrals.Web.Tests.Browser;

/// <summary>Sign-in per role, and that nobody reaches another role's pages or another MSC's referral.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("scout", "org-a", null, "/scout/referrals", "My organisation's referrals")]
    [InlineData("advisor", null, "kragujevac", "/advisor/inbox", "Inbox")]
    [InlineData("coordinator", null, null, "/coordinator/referrals", "All referrals")]
    public async Task Sign_in_as_each_role_lands_on_the_roles_start_page_with_the_person_in_the_header(string role,
        string? org, string? msc, string path, string heading)
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-signin", org, msc);

        // The advisor's inbox answers at /advisor/inbox (WEB-SPLIT.md) and at today's /inbox (bookmarks).
        Assert.Contains(new Uri(page.Url).AbsolutePath, path == "/advisor/inbox" ? new[] { path, "/inbox" } : [path]);
        Assert.StartsWith(heading, await Pages.HeadingAsync(page), StringComparison.Ordinal);
        Assert.Contains($"{role}-signin", await page.Locator("header .who").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scout", "/advisor/inbox /coordinator/dashboard /coordinator/referrals")]
    [InlineData("advisor", "/scout/new /scout/referrals /coordinator/referrals /coordinator/dashboard.csv")]
    [InlineData("coordinator", "/scout/referrals /scout/new /advisor/inbox")]
    public async Task A_role_opening_another_roles_page_gets_the_403_access_denied_page(string role, string pages)
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-denied", role == "scout" ? "org-b" : null,
            role == "advisor" ? "nis" : null);

        foreach (var path in pages.Split(' '))
        {
            var response = await page.GotoAsync(app.Url(path));

            Assert.True(response!.Status == 403, $"{role} on {path}: {response.Status}");
            Assert.Equal("/access-denied", new Uri(page.Url).AbsolutePath);
            Assert.Equal("Not for your role", await Pages.HeadingAsync(page));
        }

        await Pages.ScreenshotAsync(page, "access-denied");
    }

    [Fact]
    public async Task Without_a_session_a_page_sends_to_sign_in_and_back_to_that_page_afterwards()
    {
        var page = await app.NewPersonAsync();
        await page.GotoAsync(app.Url("/coordinator/dashboard"));
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Pages.ScreenshotAsync(page, "signin");

        await Pages.FillSignInAsync(page, "coordinator", "coordinator-return");
        await page.Locator("header .who").WaitForAsync();

        Assert.Equal("/coordinator/dashboard", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_referral_of_another_MSC_or_organisation_is_the_404_page_without_its_data_and_the_own_MSC_opens_it()
    {
        var id = await app.Api.SubmitAsync("org-owner", "Ownerović");

        foreach (var (role, org, msc) in new[] { ("advisor", (string?)null, (string?)"subotica"), ("scout", "org-other", null) })
        {
            var page = await app.NewPersonAsync();
            await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-outsider", org, msc);

            var response = await page.GotoAsync(app.Url($"/referrals/{id}"));

            Assert.Equal(404, response!.Status);
            Assert.Equal("Not found", await Pages.HeadingAsync(page));
            Assert.DoesNotContain("Ownerović", await page.ContentAsync(), StringComparison.Ordinal);
            if (role == "advisor")
            {
                await Pages.ScreenshotAsync(page, "not-found");
            }

            await page.Context.CloseAsync();
        }

        var owner = await app.NewPersonAsync();
        await Pages.SignInAsync(owner, app.BaseUrl, "advisor", "advisor-owner", msc: "nis");
        var ownResponse = await owner.GotoAsync(app.Url($"/referrals/{id}"));
        Assert.Equal(200, ownResponse!.Status);
        Assert.Contains("Ownerović", await Pages.HeadingAsync(owner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledge_post_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var id = await app.Api.SubmitAsync("org-csrf", "Csrfović");
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "advisor", "advisor-csrf", msc: "nis");

        var response = await page.APIRequest.PostAsync(app.Url($"/referrals/{id}?handler=Acknowledge"),
            new() { Form = page.APIRequest.CreateFormData().Set("note", "forged") });

        Assert.Equal(400, response.Status);
        var (status, referral) = await app.Api.GetReferralAsync(await app.Api.TokenAsync("advisor", "advisor-csrf", msc: "nis"), id);
        Assert.Equal(200, status);
        Assert.Equal("awaitingAcknowledgement", referral.GetProperty("status").GetString());
    }
}
