using Microsoft.Extensions.DependencyInjection;
using Referrals.Domain;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging;
using Referrals.Messaging.Rendering;
using Referrals.Sms;
using Referrals.Sms.Text;
using Referrals.Workflow;

namespace Referrals.Web.Tests.Browser;

/// <summary>What the pages need from the referral workflow, registered only where the app does not (yet) do it
/// itself; once the real registration exists these are skipped and the real one is tested.</summary>
internal static class TestServices
{
    public static void AddMissing(IServiceCollection services)
    {
        if (!Has<MscDirectory>(services))
        {
            services.AddReferralDomain();
        }

        if (!Has<IWorkflowClient<ReferralState, ReferralCommand>>(services))
        {
            services.AddReferralLifecycle();
            services.AddWorkflowRuntime<ReferralState, ReferralCommand, ReferralDecider>();
        }

        if (!services.Any(d => d.ImplementationType?.Name == "DispatchQueuePoller"))
        {
            services.AddWorkflowStandaloneHosting();
        }

        if (!Has<ITemplateRenderer>(services))
        {
            services.AddReferralMessaging();
        }

        if (!Has<SmsTextPreparer>(services))
        {
            services.AddSmsText();
        }
    }

    private static bool Has<T>(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(T));
}
