using Referrals.Messaging.Models;

namespace Referrals.Messaging.Rendering;

/// <summary>An SMS text ready to send, and the language it is in (the requested one or the fallback).</summary>
public sealed record RenderedSms(string Kind, string Language, string Text);

/// <summary>An email ready to address, and the language it is in (the requested one or the fallback).</summary>
public sealed record RenderedEmail(string Kind, string Language, string Subject, string Html, string Text);

/// <summary>
/// Fills message templates. Never returns a message with an unfilled placeholder: an unknown kind, an unknown value
/// name, or a missing or empty required value throws <see cref="ArgumentException"/> naming it.
/// </summary>
public interface ITemplateRenderer
{
    RenderedSms RenderSms(string kind, string languageTag, IReadOnlyDictionary<string, string> values);

    RenderedSms RenderSms(SmsModel model, string languageTag);

    RenderedEmail RenderEmail(string kind, string languageTag, TemplateValues values);
}
