using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Referrals.App.Api;
using Referrals.App.Api.Audit;
using Referrals.App.Api.Idempotency;
using Referrals.App.Api.Projections;
using Referrals.App.Api.Referrals;
using Referrals.App.Referrals;
using Referrals.App.Security;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;

namespace Referrals.Functions.Http;

/// <summary>The referral endpoints of API.md; each calls the backend's handler for it.</summary>
public sealed class ReferralFunctions(
    RequestAuthenticator authenticator,
    ReferralCommandRunner runner,
    ReferralResponseMapper mapper,
    ReferralAuditLog audit,
    ReferralListQuery query,
    MunicipalityDirectory municipalities,
    MscDirectory mscs,
    IntakeValidator intake,
    SubmissionRateLimiter rateLimiter,
    ReferralSubmission submission,
    TimeProvider time)
{
    private const string Referrals = "api/referrals";

    [Function("SubmitReferral")]
    public Task<IResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals)] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, durable, () => SubmitReferralEndpoint.SubmitAsync(request.HttpContext, authenticator,
            rateLimiter, request.Headers[ReferralIds.HeaderName], submission, mapper, cancellationToken));

    [Function("ListReferrals")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Referrals)] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferralsApi.ListAsync(request, authenticator, query, mapper, municipalities,
            HttpFunction.Query(request, "status"), HttpFunction.Query(request, "overdue"), HttpFunction.Query(request, "msc"),
            HttpFunction.Query(request, "continuationToken"), HttpFunction.Query(request, "pageSize"), cancellationToken));

    [Function("GetReferral")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Referrals + "/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferralsApi.GetAsync(id, request, authenticator, runner, audit, mapper,
            time, cancellationToken));

    [Function("GetReferralAudit")]
    public Task<IResult> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Referrals + "/{id}/audit")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReferralsApi.AuditAsync(id, request, authenticator, runner, audit,
            cancellationToken));

    [Function("PatchReferral")]
    public Task<IResult> PatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Referrals + "/{id}")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, durable, () => PatchReferralEndpoint.PatchAsync(id, request.HttpContext, authenticator,
            intake, runner, time, cancellationToken));

    [Function("AcknowledgeReferral")]
    public Task<IResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/acknowledge")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Acknowledge, request, durable, id, 0, cancellationToken);

    [Function("RejectReferral")]
    public Task<IResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/reject")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Reject, request, durable, id, 0, cancellationToken);

    [Function("ReassignReferral")]
    public Task<IResult> ReassignAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/reassign")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Reassign, request, durable, id, 0, cancellationToken);

    [Function("WithdrawReferral")]
    public Task<IResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/withdraw")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Withdraw, request, durable, id, 0, cancellationToken);

    [Function("RecordArrival")]
    public Task<IResult> ArrivalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/arrival")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Arrival, request, durable, id, 0, cancellationToken);

    [Function("RecordFirstContact")]
    public Task<IResult> FirstContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/first-contact")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.FirstContact, request, durable, id, 0, cancellationToken);

    [Function("RecordFollowUp")]
    public Task<IResult> FollowUpAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/follow-ups/{n:int}")] HttpRequest request,
        string id, string n, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        // The route constraint admits integers only; one too large for int is no follow-up number either.
        CommandAsync(ReferralCommandEndpoints.FollowUp, request, durable, id,
            int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0,
            cancellationToken);

    [Function("CloseReferral")]
    public Task<IResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Referrals + "/{id}/close")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        CommandAsync(ReferralCommandEndpoints.Close, request, durable, id, 0, cancellationToken);

    private Task<IResult> CommandAsync<TBody>(ReferralCommandEndpoint<TBody> endpoint, HttpRequest request,
        DurableTaskClient durable, string id, int number, CancellationToken cancellationToken)
        where TBody : class =>
        HttpFunction.RunAsync(request, durable, () => endpoint.HandleAsync(id, number, request, authenticator, runner, mscs,
            cancellationToken));
}
