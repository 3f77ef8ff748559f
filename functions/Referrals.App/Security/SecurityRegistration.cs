using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Workflow;

namespace Referrals.App.Security;

/// <summary>Identity (JWT bearer, Entra ID or the Development issuer, checked by RequestAuthenticator) and encryption at rest.</summary>
public static class SecurityRegistration
{
    public static WebApplicationBuilder AddReferralsSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddReferralsSecurity(builder.Environment);
        return builder;
    }

    public static IServiceCollection AddReferralsSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevTokenIssuer>();
        services.AddRequestAuthenticator();

        var encryption = services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.SectionName);
        if (environment.IsDevelopment())
        {
            encryption.PostConfigure(EncryptionOptions.ApplyDevelopmentDefaults);
        }

        encryption.ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        // Replace, not TryAdd: the workflow runtime may have registered NoPayloadProtection as its default.
        services.Replace(ServiceDescriptor.Singleton<IPayloadProtector, AesGcmPayloadProtector>());
        services.AddSingleton<BlindIndex>();
        return services;
    }

    /// <summary><see cref="RequestAuthenticator"/> and the bearer options it validates with (needs
    /// <see cref="AuthOptions"/> and the host environment). No authentication scheme or middleware: the Functions
    /// isolated worker has none, so endpoints call the authenticator; the framework's post-configuration builds the
    /// Entra OIDC configuration manager from the authority, as it did for the JWT bearer handler.</summary>
    public static IServiceCollection AddRequestAuthenticator(this IServiceCollection services)
    {
        services.TryAddSingleton<DevSigningKey>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerPostConfigureOptions>());
        services.TryAddSingleton<RequestAuthenticator>();
        return services;
    }
}
