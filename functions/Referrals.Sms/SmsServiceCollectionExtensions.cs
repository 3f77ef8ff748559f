using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Sms.Text;
using Referrals.Sms.Twilio;
using Referrals.Sms.Webhooks;

namespace Referrals.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// The key of the <see cref="TimeProvider"/> used for in-call retry waits and timeouts. It is the real clock by
    /// default, on purpose: the App's controllable Development clock must not freeze an HTTP retry.
    /// </summary>
    public const string WallClockKey = "Referrals.Sms.WallClock";

    /// <summary><see cref="SmsTextPreparer"/> with <see cref="SmsTextOptions"/> from section "Sms".</summary>
    public static IServiceCollection AddSmsText(this IServiceCollection services)
    {
        services.AddOptions<SmsTextOptions>().BindConfiguration(SmsTextOptions.SectionName);
        services.TryAddSingleton<SmsTextPreparer>();
        return services;
    }

    /// <summary>
    /// <see cref="TwilioMessagingClient"/> (the Twilio SDK over a factory HttpClient that sends to
    /// <see cref="TwilioOptions.ApiBaseUrl"/>), <see cref="SmsSendRateLimiter"/>, <see cref="TwilioWebhookVerifier"/> and
    /// <see cref="TwilioWebhookReader"/>, with <see cref="TwilioOptions"/> from section "Twilio" validated at start-up;
    /// also <see cref="AddSmsText"/>.
    /// </summary>
    public static IServiceCollection AddTwilioMessaging(this IServiceCollection services)
    {
        services.AddSmsText();
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddKeyedSingleton(WallClockKey, TimeProvider.System);
        services.TryAddSingleton<SmsSendRateLimiter>();
        services.TryAddSingleton<TwilioWebhookVerifier>();
        services.TryAddSingleton<TwilioWebhookReader>();
        services.TryAddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(TwilioMessagingClient.HttpClientName)
            // As the SDK's own default: a redirected POST is not followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.TryAddSingleton<TwilioMessagingClient>();
        return services;
    }
}
