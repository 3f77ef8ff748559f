using Refit;
using Referrals.Contracts;

namespace Referrals.Web.Api;

/// <summary>
/// The public HTTP API as this app uses it (API.md, WEB-SPLIT.md): the one way the pages reach data. A
/// <see cref="BearerTokenHandler"/> adds the signed-in person's token to every <c>/api</c> call; failures surface
/// as <see cref="ApiException"/> (status and problem body) or as transport exceptions (see <see cref="ApiFailures"/>).
/// </summary>
public interface IReferralsApi
{
    [Get("/api/me")]
    Task<CallerResponse> GetMeAsync(CancellationToken cancellationToken);

    [Get("/api/mscs")]
    Task<IReadOnlyList<MscResponse>> GetMscsAsync(CancellationToken cancellationToken);

    [Get("/api/municipalities")]
    Task<IReadOnlyList<MunicipalityResponse>> GetMunicipalitiesAsync(CancellationToken cancellationToken);

    [Get("/api/arrival-points")]
    Task<IReadOnlyList<ArrivalPointResponse>> GetArrivalPointsAsync(CancellationToken cancellationToken);

    [Get("/api/checklist")]
    Task<ChecklistResponse> GetChecklistAsync([Query] string language, CancellationToken cancellationToken);

    [Post("/api/sms-preview")]
    Task<SmsPreviewResponse> PreviewSmsAsync([Body] SmsPreviewRequest request, CancellationToken cancellationToken);

    [Get("/api/referrals")]
    Task<ReferralListResponse> ListReferralsAsync([Query] string? status, [Query] bool? overdue, [Query] string? msc,
        [Query] string? continuationToken, CancellationToken cancellationToken);

    [Get("/api/referrals/{id}")]
    Task<ReferralResponse> GetReferralAsync(string id, CancellationToken cancellationToken);

    /// <summary>The key makes a resend of the same form return the first result instead of a second referral.</summary>
    [Post("/api/referrals")]
    Task<SubmittedReferralResponse> SubmitReferralAsync([Header("Idempotency-Key")] string idempotencyKey,
        [Body] SubmitReferralRequest request, CancellationToken cancellationToken);

    [Patch("/api/referrals/{id}")]
    Task<ReferralResponse> PatchReferralAsync(string id, [Body] PatchReferralRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/acknowledge")]
    Task<ReferralResponse> AcknowledgeAsync(string id, [Body] AcknowledgeRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/reject")]
    Task<ReferralResponse> RejectAsync(string id, [Body] RejectRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/reassign")]
    Task<ReferralResponse> ReassignAsync(string id, [Body] ReassignRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/withdraw")]
    Task<ReferralResponse> WithdrawAsync(string id, [Body] WithdrawRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/arrival")]
    Task<ReferralResponse> RecordArrivalAsync(string id, [Body] ArrivalRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/first-contact")]
    Task<ReferralResponse> RecordFirstContactAsync(string id, [Body] FirstContactRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/follow-ups/{number}")]
    Task<ReferralResponse> RecordFollowUpAsync(string id, int number, [Body] OutcomeRequest request, CancellationToken cancellationToken);

    [Post("/api/referrals/{id}/close")]
    Task<ReferralResponse> CloseAsync(string id, [Body] OutcomeRequest request, CancellationToken cancellationToken);

    [Get("/api/reports/dashboard")]
    Task<DashboardResponse> GetDashboardAsync([Query] int weeks, CancellationToken cancellationToken);

    /// <summary>The CSV as the API writes it (content type and file name included).</summary>
    [Get("/api/reports/dashboard.csv")]
    Task<HttpResponseMessage> GetDashboardCsvAsync([Query] int weeks, CancellationToken cancellationToken);

    [Get("/dev/clock")]
    Task<ApiClock> GetDevClockAsync(CancellationToken cancellationToken);

    [Post("/dev/token")]
    Task<DevTokenResponse> GetDevTokenAsync([Body] DevTokenRequest request, CancellationToken cancellationToken);
}
