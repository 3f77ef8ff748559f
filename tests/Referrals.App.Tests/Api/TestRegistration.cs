using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referrals.Domain.Directory;

namespace Referrals.App.Tests.Api;

/// <summary>Registers what the API needs from the referral workflow when AddReferralWorkflow does not (yet).
/// Every registration is TryAdd, so the real ones win once they exist.</summary>
internal static class TestRegistration
{
    public static void AddMissingReferralServices(IServiceCollection services)
    {
        services.TryAddSingleton(_ => ReferenceDataLoader.Load(new ReferenceDataOptions()));
        services.TryAddSingleton(provider => provider.GetRequiredService<ReferenceData>().Mscs);
        services.TryAddSingleton(provider => provider.GetRequiredService<ReferenceData>().Municipalities);
    }
}
