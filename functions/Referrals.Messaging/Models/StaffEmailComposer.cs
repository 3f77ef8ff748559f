using Microsoft.Extensions.Options;
using Referrals.Messaging.Email;
using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Models;

internal sealed class StaffEmailComposer(TemplateRenderer renderer, TemplateCatalog catalog, IOptions<MessagingOptions> options)
    : IStaffEmailComposer
{
    public EmailMessage Compose(StaffEmail email, string languageTag, string effectId)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(effectId);
        if (email.To.Count == 0)
        {
            throw new ArgumentException($"An email of kind '{email.Kind}' needs at least one recipient.", nameof(email));
        }

        var settings = options.Value;
        var language = renderer.EmailLanguage(email.Kind, languageTag);
        var context = new StaffEmailContext(
            language, catalog.Labels, TimeZoneInfo.FindSystemTimeZoneById(settings.StaffTimeZone), settings.PublicBaseUrl!);
        var rendered = renderer.RenderEmail(email.Kind, language, email.Values(context));
        return new EmailMessage(effectId, email.Kind, rendered.Language, email.To, email.Cc, rendered.Subject, rendered.Html, rendered.Text);
    }
}
