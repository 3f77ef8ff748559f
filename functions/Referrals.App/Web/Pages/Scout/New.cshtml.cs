using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.App.Api.Messaging;
using Referrals.App.Web.Auth;
using Referrals.App.Web.Localization;
using Referrals.App.Web.Services;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;

namespace Referrals.App.Web.Pages.Scout;

/// <summary>
/// The new-referral form. "Preview" renders the first SMS the returnee will get, in their language, with its cost;
/// "Submit" validates with the intake rules and shows each error next to its field.
/// </summary>
[Authorize(Policy = WebAuth.Scout)]
public sealed class NewModel(UiClock clock, UiText text, WebReferrals referrals, FirstSmsPreview previews,
    MunicipalityDirectory municipalities, IOptions<WebOptions> options) : WebPage(clock)
{
    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public SmsPreview? Preview { get; private set; }

    public bool PreviewRequested { get; private set; }

    public IReadOnlyList<Municipality> Municipalities => municipalities.All;

    public IReadOnlyList<ArrivalPoint> ArrivalPoints => Domain.Intake.ArrivalPoints.All;

    public string ConsentTextVersion => options.Value.ConsentTextVersion;

    public void OnGet()
    {
        Form.IdempotencyKey = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        Form.PreferredLanguage = "sr-Latn";
        var local = TimeZoneInfo.ConvertTime(Clock.Now, Zone).DateTime;
        Form.ConsentObtainedAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        Form.ConsentTextVersion = ConsentTextVersion;
    }

    public IActionResult OnPostPreview()
    {
        Form.ConsentTextVersion = ConsentTextVersion;
        PreviewRequested = true;
        Preview = previews.For(Form);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.ConsentTextVersion = ConsentTextVersion;
        var outcome = await referrals.SubmitAsync(Caller, Form.ToRequest(Zone), Form.IdempotencyKey ?? string.Empty,
            cancellationToken);
        if (outcome.ReferralId is { } id)
        {
            Flash = "flash.submitted";
            return LocalRedirect($"/referrals/{id}");
        }

        if (outcome.KeyAlreadyUsed)
        {
            ModelState.AddModelError(string.Empty, text["new.keyUsed"]);
        }
        else if (outcome.Reason is { } reason)
        {
            ModelState.AddModelError(string.Empty, reason);
        }

        foreach (var (path, messages) in outcome.Errors)
        {
            var field = ReferralForm.FieldFor(path);
            var key = field is null ? string.Empty : $"{nameof(Form)}.{field}";
            if (field is not null && ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue; // the binder already said what is wrong with this field
            }

            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message == "Required." ? text["error.required"] : message);
            }
        }

        Preview = previews.For(Form);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
