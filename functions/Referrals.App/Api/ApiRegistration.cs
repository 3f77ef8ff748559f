using Referrals.Contracts;
using Referrals.App.Api.Audit;
using Referrals.App.Api.Directory;
using Referrals.App.Api.Idempotency;
using Referrals.App.Api.Messaging;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Referrals;
using Referrals.App.Api.Reports;
using Referrals.App.Api.Storage;
using Referrals.App.Security;
using Referrals.Workflow;

namespace Referrals.App.Api;

/// <summary>Identity (RequestAuthenticator, called by each function), problem details and the API's services.</summary>
public static class ApiRegistration
{
    /// <summary>What every host of the API needs: identity, problem details (with the trace id), JSON output, the
    /// API's tables and services, the submission rate limiter.</summary>
    public static IServiceCollection AddReferralsApi(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddReferralsSecurity(environment);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Statuses without a registered default type (e.g. 429) still name one, as RFC 9457 describes.
            context.ProblemDetails.Type ??= "about:blank";
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => ApiJson.ConfigureOutput(options.SerializerOptions));

        services.AddOptions<ApiTablesOptions>().BindConfiguration(ApiTablesOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiTables>();
        services.AddSingleton<ReferralAuditLog>();
        services.AddSingleton<ReferralListQuery>();
        // Built by factories: their dependencies (the workflow client, the directories) come from
        // AddReferralWorkflow, and start-up validation must not depend on which registration ran first.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReferralResponseMapper>(provider));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReferralCommandRunner>(provider));
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<FirstSmsPreview>(provider));
        services.AddSingleton<DashboardReport>();
        services.AddEffectHandler<ReferralProjectionHandler>();

        services.AddOptions<SubmissionRateLimitOptions>().BindConfiguration(SubmissionRateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionRateLimiter>();
        return services;
    }
}
