using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Referrals.App.Api.Reports;
using Referrals.App.Security;
using Referrals.Domain.Directory;

namespace Referrals.Functions.Http;

/// <summary>The coordinator's dashboard, as JSON and as CSV.</summary>
public sealed class ReportFunctions(
    RequestAuthenticator authenticator, DashboardReport report, MunicipalityDirectory municipalities, TimeProvider time)
{
    [Function("GetDashboard")]
    public Task<IResult> DashboardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/dashboard")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReportsApi.DashboardAsync(request, authenticator, report, time,
            municipalities, HttpFunction.Query(request, "weeks"), cancellationToken));

    [Function("GetDashboardCsv")]
    public Task<IResult> CsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/dashboard.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpFunction.RunAsync(request, () => ReportsApi.CsvAsync(request, authenticator, report, time,
            HttpFunction.Query(request, "weeks"), cancellationToken));
}
