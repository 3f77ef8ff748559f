using Microsoft.Extensions.DependencyInjection;
using Referrals.Domain;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Workflow;

namespace Referrals.App.Tests.Api;

/// <summary>Registers the referral domain and workflow runtime when AddReferralWorkflow does not (yet), the way
/// the lead is expected to; once it does, these are skipped and the real registration is tested.</summary>
internal static class TestRegistration
{
    public static void AddMissingReferralServices(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(MscDirectory)))
        {
            services.AddReferralDomain();
        }

        if (!services.Any(d => d.ServiceType == typeof(IWorkflowClient<ReferralState, ReferralCommand>)))
        {
            services.AddReferralLifecycle();
            services.AddWorkflowRuntime<ReferralState, ReferralCommand, ReferralDecider>();
        }
    }
}
