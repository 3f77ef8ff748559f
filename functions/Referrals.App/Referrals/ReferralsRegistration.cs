using Referrals.App.Api.Idempotency;
using Referrals.App.Referrals.Effects;
using Referrals.App.Referrals.Sms;
using Referrals.Domain;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging;
using Referrals.Sms;
using Referrals.Workflow;

namespace Referrals.App.Referrals;

/// <summary>The referral workflow: its decider over Table Storage, reference data, templates, and the effect handlers
/// that send SMS and email.</summary>
public static class ReferralsRegistration
{
    public static IServiceCollection AddReferralWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddReferralDomain();
        services.AddReferralLifecycle();
        services.AddReferralMessaging();
        services.AddTwilioMessaging();
        services.AddWorkflow<ReferralState, ReferralCommand, ReferralDecider>();

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
