using SmsTextEncoding = Referrals.Sms.Text.SmsEncoding;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;
using Referrals.Messaging.Models;
using Referrals.Messaging.Rendering;
using Referrals.Sms.Text;

namespace Referrals.App.Api.Messaging;

/// <summary>The first SMS a returnee gets (the submission confirmation), rendered from the same templates and
/// prepared by the same encoder as the real one, with what it costs and the MSC it names.</summary>
public sealed record SmsPreview(string Text, string Language, SmsTextEncoding Encoding, int Segments, int Length,
    bool Transliterated, MigrationServiceCentre Msc);

/// <summary>Builds <see cref="SmsPreview"/> from a municipality, a return date and a language.</summary>
public sealed class FirstSmsPreview(ITemplateRenderer templates, SmsTextPreparer preparer,
    MunicipalityDirectory municipalities, MscDirectory mscs)
{
    /// <summary>Null until all three are given and the municipality and language are known.</summary>
    public SmsPreview? For(string? municipality, DateOnly? expectedReturnDate, string? preferredLanguage)
    {
        if (expectedReturnDate is not { } date || !LanguageTags.TryParse(preferredLanguage, out var language)
            || !municipalities.TryFind(municipality, out var found))
        {
            return null;
        }

        var msc = mscs.RouteFor(found.Code);
        var rendered = templates.RenderSms(new SubmissionConfirmationSms(msc.Name, date), language.ToTag());
        var prepared = preparer.Prepare(rendered.Text, rendered.Language);
        return new SmsPreview(prepared.Text, rendered.Language, prepared.Analysis.Encoding, prepared.Analysis.Segments,
            prepared.Analysis.Length, prepared.Transliterated, msc);
    }
}
