using Referrals.App.Api.Idempotency;
using Referrals.App.Referrals.Effects;
using Referrals.App.Referrals.Sms;
using Referrals.Domain;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging;
using Referrals.Sms;
using Referrals.Workflow;

namespace Referrals.App.Referrals;

/// <summary>
/// <see cref="ReferralsRegistration.AddReferralWorkflow(WebApplicationBuilder)"/> without a WebApplicationBuilder,
/// for the Functions app. A second copy for now: ReferralsRegistration.cs belongs to the workflow-runtime rework
/// in progress, which makes that method a wrapper of this one; ReferralWorkflowRegistrationTests keeps the two
/// registering the same services until then.
/// </summary>
public static class ReferralWorkflowServices
{
    public static IServiceCollection AddReferralWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddReferralDomain();
        services.AddReferralLifecycle();
        services.AddReferralMessaging();
        services.AddTwilioMessaging();
        services.AddWorkflowRuntime<ReferralState, ReferralCommand, ReferralDecider>();

        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReferralIdGenerator>();
        services.AddSingleton<ReferralSubmission>();
        services.AddSingleton<StaffEmailFactory>();
        services.AddSingleton<ReturneePhoneIndex>();
        services.AddSingleton<SmsStatusCallbacks>();
        services.AddEffectHandler<SmsEffectHandler>();
        services.AddEffectHandler<EmailEffectHandler>();
        services.AddSingleton<IParkedEffectListener<ReferralCommand>, ReferralParkedEffects>();
        services.AddReferralDailyDigest();
        return services;
    }
}
