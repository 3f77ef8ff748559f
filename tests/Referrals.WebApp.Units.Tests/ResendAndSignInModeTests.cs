using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using Referrals.Web;
using Referrals.Web.Auth;
using Referrals.Web.Hosting;

namespace Referrals.WebApp.Units.Tests;

public sealed class ResendAndSignInModeTests
{
    [Fact]
    public void A_failed_post_comes_back_with_every_posted_field_but_the_antiforgery_token_and_the_same_target()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/referrals/r1";
        context.Request.QueryString = new QueryString("?handler=Arrival");
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["__RequestVerificationToken"] = "secret",
            ["arrivedOn"] = "2026-12-10",
            ["Form.Needs"] = new(["Employment", "Documents"]),
        });

        var result = ApiErrorPageFilter.Unavailable(context, new EmptyModelMetadataProvider());
        var model = Assert.IsType<UnavailableModel>(result.ViewData!.Model);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        Assert.True(model.IsResend);
        Assert.Equal("/referrals/r1?handler=Arrival", model.Url);
        Assert.DoesNotContain(model.Fields, f => f.Key == "__RequestVerificationToken");
        Assert.Contains(new KeyValuePair<string, string>("arrivedOn", "2026-12-10"), model.Fields);
        Assert.Equal(2, model.Fields.Count(f => f.Key == "Form.Needs"));
    }

    [Fact]
    public void A_failed_read_offers_to_try_the_same_page_again()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/inbox";

        var model = Assert.IsType<UnavailableModel>(ApiErrorPageFilter.Unavailable(context, new EmptyModelMetadataProvider()).ViewData!.Model);

        Assert.False(model.IsResend);
        Assert.Empty(model.Fields);
        Assert.Equal("/inbox", model.Url);
    }

    [Theory]
    [InlineData("Development", null, null, SignInMode.Development)]
    [InlineData("Production", null, null, SignInMode.None)]
    [InlineData("Production", "client-id", null, SignInMode.Entra)]
    [InlineData("Development", "client-id", null, SignInMode.Entra)]
    [InlineData("Development", null, "None", SignInMode.None)]
    public void The_sign_in_mode_follows_configuration_then_environment(string environment, string? clientId, string? mode, SignInMode expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:ClientId"] = clientId,
            ["Web:SignIn"] = mode,
        }).Build();

        Assert.Equal(expected, SignInRegistration.Resolve(configuration, new Environment(environment)));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Referrals.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
