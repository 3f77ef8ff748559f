using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Models;

/// <summary>What turns a staff email's typed values into text in one language: labels, formats, zone, links.</summary>
internal sealed class StaffEmailContext(string language, MessageLabels labels, TimeZoneInfo zone, Uri publicBaseUrl)
{
    public string Link(string referralId) =>
        $"{publicBaseUrl.ToString().TrimEnd('/')}/referrals/{Uri.EscapeDataString(referralId)}";

    public string Code(string prefix, string code, string field) => labels.Code(language, prefix, code, field);

    public string Date(DateOnly date) => labels.Date(language, date);

    public string DateTime(DateTimeOffset at) => labels.DateTime(language, at, zone);
}
