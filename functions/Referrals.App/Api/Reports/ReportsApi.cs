using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Directory;

namespace Referrals.App.Api.Reports;

/// <summary>The coordinator's dashboard as JSON and as CSV, both computed from the report read model.</summary>
public static class ReportsApi
{
    internal static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> DashboardAsync(
        HttpRequest request, RequestAuthenticator authenticator, DashboardReport report, TimeProvider time,
        [FromServices] MunicipalityDirectory municipalities, [FromQuery(Name = "weeks")] string? weeksText,
        CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.Coordinator, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        if (CheckWeeks(weeksText, out var weeks) is { } problem)
        {
            return problem;
        }

        var asOf = time.GetUtcNow();
        var f = await report.ComputeAsync(weeks ?? DashboardReport.DefaultWeeks, cancellationToken);
        return TypedResults.Ok(new DashboardResponse(
            asOf,
            f.Weeks,
            [.. f.ReferralsPerWeek.Select(c => new WeeklyCountResponse(c.WeekStart, c.MscId, c.Count))],
            [.. f.Acknowledgement.Select(a => new AcknowledgementFigureResponse(a.MscId, a.Acknowledged, a.OnTime,
                a.OverdueOpen, a.MedianHoursTaken, a.MedianHoursAllowed, a.OnTimeShare))],
            [.. f.SmsDelivery.Select(s => new SmsStatusCountResponse(s.Status, s.Count))],
            [.. f.NeedsByMunicipality.Select(n => new NeedCountResponse(n.MunicipalityCode,
                municipalities.ByCode(n.MunicipalityCode)?.NameLatin, n.Need, n.Count))],
            f.ReferralsCounted));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(
        HttpRequest request, RequestAuthenticator authenticator, DashboardReport report, TimeProvider time,
        [FromQuery(Name = "weeks")] string? weeksText, CancellationToken cancellationToken)
    {
        if (!(await authenticator.RequireAsync(request, ApiAccess.Coordinator, cancellationToken)).IsAllowed(out _, out var denied))
        {
            return denied;
        }

        if (CheckWeeks(weeksText, out var weeks) is { } problem)
        {
            return problem;
        }

        var figures = await report.ComputeAsync(weeks ?? DashboardReport.DefaultWeeks, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(DashboardCsv.Write(figures)), "text/csv; charset=utf-8",
            DashboardCsv.FileName(time.GetUtcNow()));
    }

    private static ProblemHttpResult? CheckWeeks(string? text, out int? weeks) =>
        !IntegerQuery.TryParse("weeks", text, out weeks, out var malformed) ? malformed
        : weeks is < 1 or > DashboardReport.MaxWeeks
            ? ApiProblems.Validation("weeks", $"Expected 1 to {DashboardReport.MaxWeeks}.")
            : null;
}
