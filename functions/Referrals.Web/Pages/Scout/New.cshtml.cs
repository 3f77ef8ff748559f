using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ApiException = Refit.ApiException;
using Referrals.Contracts;
using Referrals.Web.Api;
using Referrals.Web.Auth;
using Referrals.Web.Localization;
using Referrals.Web.Services;

namespace Referrals.Web.Pages.Scout;

/// <summary>
/// The new-referral form. "Preview" asks the API for the first SMS the returnee will get, in their language, with
/// its cost; "Submit" sends the form with its Idempotency-Key. The API's field errors appear next to the fields; if
/// the API cannot be reached the form comes back as typed, says so, and sending again reuses the same key, so it
/// can never create two referrals.
/// </summary>
[Authorize(Policy = WebAuth.Scout)]
public sealed class NewModel(UiClock clock, UiText text, IReferralsApi api, ReferenceData reference, IOptions<WebOptions> options)
    : WebPage(clock)
{
    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public SmsPreviewResponse? Preview { get; private set; }

    public bool PreviewRequested { get; private set; }

    /// <summary>The last send did not reach the API: the page offers to send the same form again.</summary>
    public bool NotSent { get; private set; }

    public IReadOnlyList<MunicipalityResponse> Municipalities { get; private set; } = [];

    public IReadOnlyList<ArrivalPointResponse> ArrivalPoints { get; private set; } = [];

    public string ConsentTextVersion => options.Value.ConsentTextVersion;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        Form.IdempotencyKey = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        Form.PreferredLanguage = "sr-Latn";
        var local = TimeZoneInfo.ConvertTime(Clock.Now, Zone).DateTime;
        Form.ConsentObtainedAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        Form.ConsentTextVersion = ConsentTextVersion;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Form.ConsentTextVersion = ConsentTextVersion;
        PreviewRequested = true;
        ModelState.Clear();
        await TryLoadListsAsync(cancellationToken);
        Preview = await TryPreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.ConsentTextVersion = ConsentTextVersion;
        if (string.IsNullOrWhiteSpace(Form.IdempotencyKey))
        {
            Form.IdempotencyKey = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        }

        try
        {
            var submitted = await api.SubmitReferralAsync(Form.IdempotencyKey, Form.ToRequest(Zone), cancellationToken);
            Flash = "flash.submitted";
            return LocalRedirect($"/referrals/{Uri.EscapeDataString(submitted.Id)}");
        }
        catch (ApiException exception) when (exception.StatusCode is System.Net.HttpStatusCode.BadRequest
            or System.Net.HttpStatusCode.UnprocessableEntity or System.Net.HttpStatusCode.Conflict)
        {
            var problem = ApiFailures.Problem(exception);
            if (problem.Status == StatusCodes.Status409Conflict)
            {
                ModelState.AddModelError(string.Empty, text["new.keyUsed"]);
            }

            FormErrors.Apply(ModelState, nameof(Form), problem, text);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (Exception exception) when (ApiFailures.IsUnavailable(exception, cancellationToken))
        {
            // Nothing is lost: the same form (and key) comes back with a button to send it again.
            NotSent = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        await TryLoadListsAsync(cancellationToken);
        if (!NotSent)
        {
            Preview = await TryPreviewAsync(cancellationToken);
        }

        return Page();
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        ArrivalPoints = await reference.ArrivalPointsAsync(cancellationToken);
    }

    /// <summary>Lists for re-rendering a posted form: when they cannot be read the form still comes back as typed.</summary>
    private async Task TryLoadListsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadListsAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException { StatusCode: not System.Net.HttpStatusCode.Unauthorized }
            || ApiFailures.IsUnavailable(exception, cancellationToken))
        {
            NotSent |= ApiFailures.IsUnavailable(exception, cancellationToken) && !PreviewRequested;
        }
    }

    private async Task<SmsPreviewResponse?> TryPreviewAsync(CancellationToken cancellationToken)
    {
        if (Form.ExpectedReturnDate is null || string.IsNullOrWhiteSpace(Form.Municipality) || string.IsNullOrWhiteSpace(Form.PreferredLanguage))
        {
            return null;
        }

        try
        {
            return await api.PreviewSmsAsync(new SmsPreviewRequest(Form.Municipality, Form.ExpectedReturnDate, Form.PreferredLanguage),
                cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException { StatusCode: System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound }
            || ApiFailures.IsUnavailable(exception, cancellationToken))
        {
            return null; // "fill in municipality, date and language" covers an unknown municipality too
        }
    }
}
