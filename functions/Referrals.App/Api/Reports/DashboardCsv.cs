using System.Globalization;
using System.Text;

namespace Referrals.App.Api.Reports;

/// <summary>The dashboard's figures as CSV (RFC 4180): one row per figure, dimension and value. Ids and counts only,
/// so the file carries no personal data.</summary>
public static class DashboardCsv
{
    public const string Header = "figure,dimension,subdimension,value";

    /// <summary>The download's name on <paramref name="now"/>'s date (UTC).</summary>
    public static string FileName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"referrals-dashboard-{now.UtcDateTime:yyyy-MM-dd}.csv");

    public static string Write(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var week in figures.ReferralsPerWeek)
        {
            Row(csv, "referralsPerWeek", week.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), week.MscId, week.Count);
        }

        foreach (var msc in figures.Acknowledgement)
        {
            Row(csv, "acknowledged", msc.MscId, string.Empty, msc.Acknowledged);
            Row(csv, "acknowledgedOnTime", msc.MscId, string.Empty, msc.OnTime);
            Row(csv, "overdueUnacknowledged", msc.MscId, string.Empty, msc.OverdueOpen);
            Row(csv, "onTimeShare", msc.MscId, string.Empty, msc.OnTimeShare);
            Row(csv, "medianHoursToAcknowledge", msc.MscId, string.Empty, msc.MedianHoursTaken);
            Row(csv, "medianHoursAllowed", msc.MscId, string.Empty, msc.MedianHoursAllowed);
        }

        foreach (var status in figures.SmsDelivery)
        {
            Row(csv, "smsByStatus", Camel(status.Status.ToString()), string.Empty, status.Count);
        }

        foreach (var need in figures.NeedsByMunicipality)
        {
            Row(csv, "needsByMunicipality", need.MunicipalityCode, Camel(need.Need.ToString()), need.Count);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string figure, string dimension, string subdimension, double? value) =>
        csv.Append(Field(figure)).Append(',').Append(Field(dimension)).Append(',').Append(Field(subdimension)).Append(',')
            .Append(value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty).Append("\r\n");

    /// <summary>Quotes a field when needed, and defuses a leading formula character for spreadsheet safety.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
