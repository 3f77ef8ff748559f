using System.Net;
using Referrals.Messaging.Models;

namespace Referrals.Messaging.Rendering;

/// <summary>Renders from the loaded <see cref="TemplateCatalog"/>, falling back per channel to the configured language.</summary>
internal sealed class TemplateRenderer(TemplateCatalog catalog) : ITemplateRenderer, IChecklistProvider
{
    public RenderedSms RenderSms(string kind, string languageTag, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = SmsTemplateFor(kind, languageTag);
        return Render(template, TemplateValues.Of(values));
    }

    public RenderedSms RenderSms(SmsModel model, string languageTag)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = SmsTemplateFor(model.Kind, languageTag);
        return Render(template, TemplateValues.Of(model.Values(template.Language, catalog.Labels)));
    }

    public RenderedEmail RenderEmail(string kind, string languageTag, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spec = EmailKinds.All.FirstOrDefault(k => k.Name == kind)
            ?? throw new ArgumentException($"'{kind}' is not an email kind (known: {string.Join(", ", EmailKinds.All.Select(k => k.Name))}).", nameof(kind));
        values.CheckAgainst(spec);
        var template = catalog.FindEmail(kind, EmailLanguage(kind, languageTag))!;
        var subject = TemplateEvaluator.Render(template.Subject, values, html: false);
        if (subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"A value of the email kind '{kind}' puts a line break into the subject.", nameof(values));
        }

        var body = TemplateEvaluator.Render(template.Html, values, html: true);
        var html = $"<!DOCTYPE html>\n<html lang=\"{template.Language}\">\n<head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>\n<body>\n{body.Trim()}\n</body>\n</html>\n";
        var text = NormalizeLines(TemplateEvaluator.Render(template.Text, values, html: false));
        return new RenderedEmail(kind, template.Language, subject, html, text);
    }

    /// <summary>The language an email of <paramref name="kind"/> will be written in, so values can be formatted for it.</summary>
    internal string EmailLanguage(string kind, string languageTag) =>
        Language(languageTag, catalog.EmailFallbackLanguage, l => catalog.FindEmail(kind, l) is not null);

    public Checklist Get(string languageTag) =>
        catalog.FindChecklist(Language(languageTag, catalog.SmsFallbackLanguage, l => catalog.FindChecklist(l) is not null))
        ?? throw new InvalidOperationException($"No checklist in '{languageTag}' nor in the fallback language '{catalog.SmsFallbackLanguage}'.");

    private SmsTemplate SmsTemplateFor(string kind, string languageTag)
    {
        if (!SmsKinds.All.Any(k => k.Name == kind))
        {
            throw new ArgumentException($"'{kind}' is not an SMS kind (known: {string.Join(", ", SmsKinds.All.Select(k => k.Name))}).", nameof(kind));
        }

        return catalog.FindSms(kind, Language(languageTag, catalog.SmsFallbackLanguage, l => catalog.FindSms(kind, l) is not null))!;
    }

    private RenderedSms Render(SmsTemplate template, TemplateValues values)
    {
        values.CheckAgainst(template.Kind);
        var checklist = catalog.FindChecklist(template.Language);
        var scalars = new Dictionary<string, string>(values.Scalars, StringComparer.Ordinal);
        if (checklist is not null)
        {
            scalars[Placeholders.Checklist] = checklist.BeforeReturnSummary;
            scalars[Placeholders.ArrivalSteps] = checklist.OnArrivalSummary;
        }

        var text = TemplateEvaluator.Render(template.Body, values with { Scalars = scalars }, html: false);
        return new RenderedSms(template.Kind.Name, template.Language, NormalizeLines(text));
    }

    /// <summary>The requested language when it has what is needed, else the fallback (which the load guaranteed).</summary>
    private static string Language(string languageTag, string fallback, Func<string, bool> has) =>
        LanguageTag.IsWellFormed(languageTag) && LanguageTag.Normalize(languageTag) is var language && has(language)
            ? language
            : fallback;

    private static string NormalizeLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
