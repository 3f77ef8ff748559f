namespace Referrals.App.Api;

/// <summary>Identity, authorization, problem details, OpenAPI and the public HTTP endpoints.</summary>
public static class ApiRegistration
{
    public static WebApplicationBuilder AddReferralsApi(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseReferralsApi(this WebApplication app) => app;

    public static WebApplication MapReferralsApi(this WebApplication app) => app;
}
