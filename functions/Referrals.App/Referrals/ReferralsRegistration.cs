using Referrals.App.Api.Idempotency;
using Referrals.App.Referrals.Effects;
using Referrals.App.Referrals.Sms;
using Referrals.Domain;
using Referrals.Domain.Lifecycle;
using Referrals.Messaging;
using Referrals.Sms;
using Referrals.Workflow;

namespace Referrals.App.Referrals;

/// <summary>The referral workflow: its decider on the durable runtime, reference data, templates, and the effect
/// handlers that send SMS and email; plus the Twilio webhooks that report back.</summary>
public static class ReferralsRegistration
{
    public static WebApplicationBuilder AddReferralWorkflow(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
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
        return builder;
    }

    public static WebApplication MapReferralWebhooks(this WebApplication app)
    {
        app.MapTwilioWebhooks();
        return app;
    }
}
