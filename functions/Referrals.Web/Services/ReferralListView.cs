using System.Text.Json;
using Referrals.Contracts;
using Referrals.Web.Api;

namespace Referrals.Web.Services;

/// <summary>One row of a referral list as a page shows it.</summary>
/// <param name="ReturneeName">Only on the scout's own list (the API sends names to scouts only).</param>
public sealed record ReferralRowView(ReferralSummaryResponse Row, string? MscName, string MunicipalityName,
    string? ReturneeName = null);

/// <summary>A list page's rows and which columns it shows.</summary>
public sealed record ReferralListView(IReadOnlyList<ReferralRowView> Rows, bool ShowMsc, bool ForScout,
    TimeZoneInfo Zone, string? NextPageUrl);

/// <summary>List filters as they travel in query strings (camelCase status names, as in the API).</summary>
public static class StatusNames
{
    public static string Camel(ReferralStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static ReferralStatus? Parse(string? value) =>
        Enum.GetValues<ReferralStatus>().Where(s => Camel(s) == value).Select(s => (ReferralStatus?)s).FirstOrDefault();
}
