namespace Referrals.App.Web;

/// <summary>The server-rendered pages for scouts, advisors and coordinators.</summary>
public static class WebRegistration
{
    public static WebApplicationBuilder AddReferralsWeb(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapReferralsWeb(this WebApplication app) => app;
}
