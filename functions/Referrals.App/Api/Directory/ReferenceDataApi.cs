using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;
using Referrals.Messaging.Rendering;

namespace Referrals.App.Api.Directory;

/// <summary>The reference data a referral form and page show: municipalities, arrival points and the pre-return
/// checklist, from the same directories intake and messaging use. Any signed-in role.</summary>
public static class ReferenceDataApi
{
    public const string BeforeReturn = "beforeReturn";
    public const string OnArrival = "onArrival";

    internal static async Task<Results<Ok<MunicipalityResponse[]>, ProblemHttpResult>> MunicipalitiesAsync(
        HttpRequest request, RequestAuthenticator authenticator, [FromServices] MunicipalityDirectory municipalities,
        [FromServices] MscDirectory mscs, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        return TypedResults.Ok(municipalities.All
            .Select(m => new MunicipalityResponse(m.Code, m.NameLatin, m.NameCyrillic, mscs.RouteFor(m.Code).Id))
            .ToArray());
    }

    internal static async Task<Results<Ok<ArrivalPointResponse[]>, ProblemHttpResult>> ArrivalPointListAsync(
        HttpRequest request, RequestAuthenticator authenticator, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        return TypedResults.Ok(ArrivalPoints.All.Select(p => new ArrivalPointResponse(p.Code, p.Name)).ToArray());
    }

    internal static async Task<Results<Ok<ChecklistResponse>, ProblemHttpResult>> ChecklistAsync(
        HttpRequest request, RequestAuthenticator authenticator, [FromServices] IChecklistProvider checklists,
        [FromQuery] string? language, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.AnyRole, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        if (!LanguageTags.TryParse(language, out var parsed))
        {
            return ApiProblems.Validation("language", language is null
                ? "Required: a BCP 47 tag (sr-Latn, sr-Cyrl, de, en, rom)."
                : "Not a language we serve; expected sr-Latn, sr-Cyrl, de, en or rom.");
        }

        var checklist = checklists.Get(parsed.ToTag());
        return TypedResults.Ok(new ChecklistResponse(checklist.Language, null,
        [
            new ChecklistSectionResponse(BeforeReturn, [.. checklist.BeforeReturn.Select(Item)]),
            new ChecklistSectionResponse(OnArrival, [.. checklist.OnArrival.Select(Item)]),
        ]));
    }

    private static ChecklistItemResponse Item(ChecklistItem item) => new(item.Short, item.Detail);
}
