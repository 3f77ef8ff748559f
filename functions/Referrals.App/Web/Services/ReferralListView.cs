using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Services;

/// <summary>One row of a referral list as a page shows it.</summary>
/// <param name="ReturneeName">Only on the scout's own list (the read model carries no names).</param>
/// <param name="AcknowledgedAt">Only on the scout's list: when the MSC acknowledged.</param>
public sealed record ReferralRowView(ReferralSummaryRow Row, string? MscName, string MunicipalityName,
    string? ReturneeName = null, DateTimeOffset? AcknowledgedAt = null, DateTimeOffset? AcknowledgeBy = null);

/// <summary>A list page's rows and which columns it shows.</summary>
public sealed record ReferralListView(IReadOnlyList<ReferralRowView> Rows, bool ShowMsc, bool ForScout,
    TimeZoneInfo Zone, string? NextPageUrl);

/// <summary>List filters as they travel in query strings (camelCase status names, as in the API).</summary>
public static class StatusNames
{
    public static string Camel(ReferralStatus status) => ProjectionColumns.Camel(status);

    public static ReferralStatus? Parse(string? value) =>
        Enum.GetValues<ReferralStatus>().Where(s => Camel(s) == value).Select(s => (ReferralStatus?)s).FirstOrDefault();
}
