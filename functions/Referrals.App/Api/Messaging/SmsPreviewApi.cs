using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts;
using Referrals.App.Api.Referrals;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using SmsTextEncoding = Referrals.Sms.Text.SmsEncoding;

namespace Referrals.App.Api.Messaging;

/// <summary><c>POST /api/sms-preview</c>: the first SMS a referral would send, so the scout can show the returnee
/// what they will get before submitting.</summary>
public static class SmsPreviewApi
{
    internal static async Task<Results<Ok<SmsPreviewResponse>, ProblemHttpResult>> PreviewAsync(
        HttpRequest request, RequestAuthenticator authenticator, FirstSmsPreview previews,
        MunicipalityDirectory municipalities, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.Scout, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync<SmsPreviewRequest>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var checks = new ReferralRequestChecks();
        if (checks.RequiredText("municipality", input.Municipality) is { Length: > 0 } name
            && !checks.Errors.ContainsKey("municipality") && !municipalities.TryFind(name, out _))
        {
            checks.Add("municipality", "Not a known municipality (see GET /api/municipalities).");
        }

        checks.Required("expectedReturnDate", input.ExpectedReturnDate);
        if (checks.RequiredText("preferredLanguage", input.PreferredLanguage) is { Length: > 0 } tag
            && !LanguageTags.TryParse(tag, out _))
        {
            checks.Add("preferredLanguage", "Expected one of: sr-Latn, sr-Cyrl, de, en, rom.");
        }

        if (checks.Failed)
        {
            return ApiProblems.Validation(checks.Errors);
        }

        // The checks above are exactly what For needs, so it answers.
        var preview = previews.For(input.Municipality, input.ExpectedReturnDate, input.PreferredLanguage!.Trim())!;
        return TypedResults.Ok(new SmsPreviewResponse(preview.Text, preview.Language,
            preview.Encoding == SmsTextEncoding.Gsm7 ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2, preview.Segments,
            preview.Length, preview.Transliterated, new MscRef(preview.Msc.Id, preview.Msc.Name)));
    }
}
