using Microsoft.Extensions.DependencyInjection;

namespace Referrals.Testing;

/// <summary>Applies a test's service changes to the finished collection (after the app's own registrations), then
/// builds the provider as the default host would (scopes and registrations validated when asked).</summary>
public sealed class OverridingServiceProviderFactory(Action<IServiceCollection>? overrides, bool validate)
    : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        overrides?.Invoke(services);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
        containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validate, ValidateOnBuild = validate });
}
