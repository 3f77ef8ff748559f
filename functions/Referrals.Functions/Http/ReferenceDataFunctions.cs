using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Referrals.App.Api;
using Referrals.App.Api.Directory;
using Referrals.App.Api.Messaging;
using Referrals.App.Security;
using Referrals.Domain.Directory;
using Referrals.Messaging.Rendering;

namespace Referrals.Functions.Http;

/// <summary>Who am I, the MSC directory, the reference data a form shows, and the first-SMS preview.</summary>
public sealed class ReferenceDataFunctions(
    RequestAuthenticator authenticator,
    MunicipalityDirectory municipalities,
    MscDirectory mscs,
    IChecklistProvider checklists,
    FirstSmsPreview previews)
{
    [Function("GetMe")]
    public Task<IResult> MeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => MeApi.MeAsync(request, authenticator, cancellationToken));

    [Function("ListMscs")]
    public Task<IResult> MscsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/mscs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => MscsApi.ListAsync(request, authenticator, mscs, cancellationToken));

    [Function("ListMunicipalities")]
    public Task<IResult> MunicipalitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/municipalities")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferenceDataApi.MunicipalitiesAsync(request, authenticator, municipalities,
            mscs, cancellationToken));

    [Function("ListArrivalPoints")]
    public Task<IResult> ArrivalPointsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/arrival-points")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferenceDataApi.ArrivalPointListAsync(request, authenticator, cancellationToken));

    [Function("GetChecklist")]
    public Task<IResult> ChecklistAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/checklist")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferenceDataApi.ChecklistAsync(request, authenticator, checklists,
            HttpFunction.Query(request, "language"), cancellationToken));

    [Function("PreviewSms")]
    public Task<IResult> SmsPreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sms-preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => SmsPreviewApi.PreviewAsync(request, authenticator, previews, municipalities,
            cancellationToken));
}
