using Microsoft.Extensions.Options;
using Referrals.Web.Api;
using Referrals.Web.Auth;

namespace Referrals.Web.Dashboard;

/// <summary><c>/coordinator/dashboard.csv</c>: the API's CSV passed through with its file name (no personal data).</summary>
public static class DashboardCsvEndpoint
{
    public static void MapDashboardCsv(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/coordinator/dashboard.csv", async (HttpContext context, IReferralsApi api, IOptions<WebOptions> options,
                CancellationToken cancellationToken) =>
            {
                HttpResponseMessage response;
                try
                {
                    response = await api.GetDashboardCsvAsync(options.Value.DashboardWeeks, cancellationToken);
                }
                catch (Exception exception) when (ApiFailures.IsUnavailable(exception, cancellationToken))
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                using (response)
                {
                    if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                    {
                        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(context, WebAuth.CookieScheme);
                        return Results.Redirect("/signin?expired=true");
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        var status = (int)response.StatusCode;
                        return Results.StatusCode(status >= 500 ? StatusCodes.Status503ServiceUnavailable : status);
                    }

                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                        ?? "referrals-dashboard.csv";
                    return Results.File(bytes, "text/csv; charset=utf-8", name);
                }
            })
            .RequireAuthorization(WebAuth.Coordinator);
    }
}
