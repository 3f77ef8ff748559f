using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;

namespace Referrals.Messaging;

/// <summary>Registers templates, the staff email composer and the configured email sender.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Messaging</c>, <c>Messaging:Templates</c> and <c>Email</c>, validated at start-up (an invalid template
    /// fails the start just like a missing setting), and registers <see cref="ITemplateRenderer"/>,
    /// <see cref="IChecklistProvider"/>, <see cref="IStaffEmailComposer"/> and <see cref="IEmailSender"/>
    /// (SMTP or SendGrid by <c>Email:Provider</c>).
    /// </summary>
    public static IServiceCollection AddReferralMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddOptions<MessagingTemplateOptions>().BindConfiguration(MessagingTemplateOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingTemplateOptions>, TemplateOptionsValidator>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddSingleton(sp => TemplateCatalog.Load(sp.GetRequiredService<IOptions<MessagingTemplateOptions>>().Value));
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<ITemplateRenderer>(sp => sp.GetRequiredService<TemplateRenderer>());
        services.AddSingleton<IChecklistProvider>(sp => sp.GetRequiredService<TemplateRenderer>());
        services.AddSingleton<IStaffEmailComposer, StaffEmailComposer>();

        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendGrid.TimeoutSeconds));
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider switch
        {
            EmailProvider.SendGrid => sp.GetRequiredService<SendGridEmailSender>(),
            _ => sp.GetRequiredService<SmtpEmailSender>(),
        });
        return services;
    }
}
