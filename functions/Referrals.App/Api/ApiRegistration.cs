using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
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

/// <summary>Identity, authorization, problem details, OpenAPI and the public HTTP endpoints.</summary>
public static class ApiRegistration
{
    public static WebApplicationBuilder AddReferralsApi(this WebApplicationBuilder builder)
    {
        builder.AddReferralsSecurity();
        var services = builder.Services;

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Statuses without a registered default type (e.g. 429) still name one, as RFC 9457 describes.
            context.ProblemDetails.Type ??= "about:blank";
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (a route or query value of the wrong type) throw, so the exception handler answers them
        // with a problem body naming the parameter in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
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

        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());

        services.AddOptions<SubmissionRateLimitOptions>().BindConfiguration(SubmissionRateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRateLimitedAsync;
            options.AddPolicy(SubmissionRateLimitOptions.PolicyName, SubmissionPartition);
        });
        return builder;
    }

    public static WebApplication UseReferralsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
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

    private static RateLimitPartition<string> SubmissionPartition(HttpContext context)
    {
        var permits = context.RequestServices.GetRequiredService<IOptions<SubmissionRateLimitOptions>>().Value
            .SubmissionsPerMinute;
        // Endpoints under this policy require a signed-in caller, so the subject is always present.
        var subject = context.User.FindFirst(ReferralClaims.Subject)?.Value ?? string.Empty;
        return RateLimitPartition.GetFixedWindowLimiter(subject, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Too many submissions from you; try again in {seconds} seconds."),
            },
        });
    }
}
