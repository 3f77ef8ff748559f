using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Api.Referrals;

/// <summary>
/// <c>PATCH /api/referrals/{id}</c>: the scout changes the expected return date, the returnee's phone or preferred
/// language; only members present change. Each change is its own workflow command (its own timeline entry); all
/// are validated before the first runs, and they share the same status rule, so in practice all apply or none.
/// </summary>
public static class PatchReferralEndpoint
{
    internal static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult>> PatchAsync(
        string id,
        HttpContext context,
        RequestAuthenticator authenticator,
        [FromServices] IntakeValidator intake,
        ReferralCommandRunner runner,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(context.Request, ApiAccess.Scout, cancellationToken)).IsAllowed(out var caller, out var denied))
        {
            return denied;
        }

        var body = await JsonBody.ReadAsync<PatchReferralRequest>(context.Request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        // Scope first: a caller learns nothing about a referral they may not see, not even validation results.
        if (await runner.FindVisibleAsync(id, caller, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound();
        }

        var request = body.Value!;
        var actor = new Actor(caller.Subject, caller.Role);
        var checks = new ReferralRequestChecks();
        var commands = new List<ReferralCommand>();
        if (request.ExpectedReturnDate is { } date)
        {
            if (intake.CheckExpectedReturnDate(date, BelgradeDate.Today(time)) is { } error)
            {
                checks.Add("expectedReturnDate", error);
            }

            commands.Add(new ChangeReturnDate(date, actor));
        }

        if (request.Returnee?.Phone is { } phone)
        {
            if (intake.CheckPhone(phone, snapshot.State.Details.Consent.Sms, out var e164) is { } error)
            {
                checks.Add("returnee.phone", error);
            }
            else
            {
                commands.Add(new ChangePhone(e164!, actor));
            }
        }

        if (request.Returnee?.PreferredLanguage is { } tag)
        {
            if (LanguageTags.TryParse(tag, out var language))
            {
                commands.Add(new ChangePreferredLanguage(language, actor));
            }
            else
            {
                checks.Add("returnee.preferredLanguage",
                    "Expected one of: " + string.Join(", ", Enum.GetValues<Language>().Select(l => l.ToTag())) + ".");
            }
        }

        if (!checks.Failed && commands.Count == 0)
        {
            checks.Add(JsonErrorPath.Root, "Nothing to change: give expectedReturnDate, returnee.phone or returnee.preferredLanguage.");
        }

        return checks.Failed
            ? ApiProblems.Validation(checks.Errors)
            : await runner.ExecuteAsync(id, caller, commands, cancellationToken);
    }
}
