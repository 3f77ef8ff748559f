namespace Referrals.Web.Tests.Browser;

/// <summary>Sign-in per role, and that nobody reaches another role's pages or another MSC's referral.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("scout", "org-a", null, "/scout/referrals", "My organisation's referrals")]
    [InlineData("advisor", null, "kragujevac", "/advisor/inbox", "Inbox")]
    [InlineData("coordinator", null, null, "/coordinator/referrals", "All referrals")]
    public async Task Sign_in_as_each_role_lands_on_the_roles_start_page(string role, string? org, string? msc, string path,
        string heading)
    {
        var page = await app.NewPersonAsync();
        await Pages.SignInAsync(page, app.BaseUrl, role, $"{role}-signin", org, msc);

        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        Assert.StartsWith(heading, await Pages.HeadingAsync(page), StringComparison.Ordinal);
        Assert.Contains($"{role}-signin", await page.Locator("header .who").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }
}
