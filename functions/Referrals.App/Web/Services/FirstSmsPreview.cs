using SmsTextEncoding = Referrals.Sms.Text.SmsEncoding;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;
using Referrals.Sms.Text;

namespace Referrals.App.Web.Services;

/// <summary>The first SMS a returnee gets (the submission confirmation), rendered from the same templates and
/// prepared by the same encoder as the real one, with what it costs.</summary>
public sealed record SmsPreview(string Text, string Language, SmsTextEncoding Encoding, int Segments, int Length,
    bool Transliterated);

/// <summary>Builds <see cref="SmsPreview"/> from what the form holds so far.</summary>
public sealed class FirstSmsPreview(ITemplateRenderer templates, SmsTextPreparer preparer,
    MunicipalityDirectory municipalities, MscDirectory mscs)
{
    /// <summary>Null until the form names a known municipality, a return date and a language.</summary>
    public SmsPreview? For(ReferralForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.ExpectedReturnDate is not { } date || !LanguageTags.TryParse(form.PreferredLanguage, out var language)
            || !municipalities.TryFind(form.Municipality, out var municipality))
        {
            return null;
        }

        var msc = mscs.RouteFor(municipality.Code);
        var rendered = templates.RenderSms(new SubmissionConfirmationSms(msc.Name, date), language.ToTag());
        var prepared = preparer.Prepare(rendered.Text, rendered.Language);
        return new SmsPreview(prepared.Text, rendered.Language, prepared.Analysis.Encoding, prepared.Analysis.Segments,
            prepared.Analysis.Length, prepared.Transliterated);
    }
}
