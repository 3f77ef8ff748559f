namespace Referrals.App.Hosting;

/// <summary>Storage, the workflow runtime, the two hosting modes, the development clock and health.</summary>
public static class HostingRegistration
{
    public static WebApplicationBuilder AddReferralsHosting(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapReferralsHosting(this WebApplication app) => app;
}
