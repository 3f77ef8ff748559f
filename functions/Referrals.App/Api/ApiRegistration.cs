using Microsoft.Extensions.Options;
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
using Scalar.AspNetCore;

namespace Referrals.App.Api;

/// <summary>Identity (RequestAuthenticator, called by each endpoint), problem details, OpenAPI and the public HTTP endpoints.</summary>
public static class ApiRegistration
{
    /// <summary>The old app's host: the shared services, plus what only minimal APIs use (binding failures that
    /// throw, the OpenAPI generator).</summary>
    public static WebApplicationBuilder AddReferralsApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddReferralsApi(builder.Configuration, builder.Environment);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (a route or query value of the wrong type) throw, so the exception handler answers them
        // with a problem body naming the parameter in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddOperationTransformer<IntegerQuery.Transformer>());
        return builder;
    }

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

    public static WebApplication UseReferralsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapReferralsApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/docs");
        }

        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.UsesDevIssuer(app.Environment.IsDevelopment()))
        {
            app.MapDevTokenApi();
        }

        app.MapMeApi();
        app.MapMscsApi();
        app.MapReferenceDataApi();
        app.MapSmsPreviewApi();
        app.MapReportsApi();
        app.MapReferralsApiV1();

        return app;
    }
}
