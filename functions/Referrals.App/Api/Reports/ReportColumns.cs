using System.Globalization;
using Azure.Data.Tables;
using Referrals.Contracts;
using Referrals.App.Api.Projections;
using Referrals.Domain.Lifecycle;

namespace Referrals.App.Api.Reports;

/// <summary>
/// The report read model: one row per referral in partition <see cref="Partition"/> of the projections table (same
/// RowKey as the list rows), written by <see cref="ReferralProjectionHandler"/> and revision-guarded like them.
/// Ids, codes, counts and times only, so a dashboard is one partition query that needs no decryption.
/// </summary>
public static class ReportColumns
{
    public const string Partition = "report";

    public const string FirstMscId = "FirstMscId";
    public const string AcknowledgingMscId = "AcknowledgingMscId";
    public const string WaitStartedAt = "WaitStartedAt";
    public const string AcknowledgedLate = "AcknowledgedLate";
    public const string Needs = "Needs";
    public const string Sms = "Sms";

    /// <summary>The columns a dashboard reads (a projection keeps the response small).</summary>
    public static IReadOnlyList<string> Selected { get; } =
    [
        ProjectionColumns.Id, ProjectionColumns.Status, ProjectionColumns.SubmittedAt, ProjectionColumns.Municipality,
        FirstMscId, AcknowledgingMscId, WaitStartedAt, ProjectionColumns.AcknowledgeBy, ProjectionColumns.AcknowledgedAt,
        AcknowledgedLate, Needs, Sms,
    ];

    public static TableEntity ToEntity(string rowKey, ReferralProjection projection, ReferralReportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(facts);
        return new TableEntity(Partition, rowKey)
        {
            [ProjectionColumns.Id] = projection.Id,
            [ProjectionColumns.Revision] = projection.Revision,
            [ProjectionColumns.Status] = ProjectionColumns.Camel(projection.Status),
            [ProjectionColumns.MscId] = projection.MscId,
            [ProjectionColumns.SubmittedAt] = projection.SubmittedAt,
            [ProjectionColumns.Municipality] = projection.MunicipalityCode,
            [ProjectionColumns.AcknowledgeBy] = projection.AcknowledgeBy,
            [ProjectionColumns.AcknowledgedAt] = projection.AcknowledgedAt,
            [FirstMscId] = facts.FirstMscId,
            [AcknowledgingMscId] = facts.AcknowledgingMscId,
            [WaitStartedAt] = facts.WaitStartedAt,
            [AcknowledgedLate] = facts.AcknowledgedLate,
            [Needs] = string.Join(',', facts.Needs.Select(ProjectionColumns.Camel)),
            [Sms] = string.Join(',', facts.Sms.Select(t =>
                ProjectionColumns.Camel(t.Status) + ":" + t.Count.ToString(CultureInfo.InvariantCulture))),
            [ProjectionColumns.UpdatedAt] = projection.UpdatedAt,
        };
    }

    public static ReportRow FromEntity(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var submittedAt = row.GetDateTimeOffset(ProjectionColumns.SubmittedAt) ?? DateTimeOffset.MinValue;
        return new ReportRow(
            row.GetString(ProjectionColumns.Id) ?? string.Empty,
            Parse<ReferralStatus>(row.GetString(ProjectionColumns.Status)) ?? ReferralStatus.AwaitingAcknowledgement,
            submittedAt,
            row.GetString(ProjectionColumns.Municipality) ?? string.Empty,
            row.GetString(FirstMscId),
            row.GetString(AcknowledgingMscId),
            row.GetDateTimeOffset(WaitStartedAt) ?? submittedAt,
            row.GetDateTimeOffset(ProjectionColumns.AcknowledgeBy),
            row.GetDateTimeOffset(ProjectionColumns.AcknowledgedAt),
            row.GetBoolean(AcknowledgedLate),
            [.. Split(row.GetString(Needs)).Select(Parse<Need>).OfType<Need>()],
            [.. Split(row.GetString(Sms)).Select(ParseTally).OfType<SmsStatusTally>()]);
    }

    private static IEnumerable<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static SmsStatusTally? ParseTally(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Parse<MessageStatus>(text[..colon]) is { } status
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new SmsStatusTally(status, count)
            : null;
    }

    private static TEnum? Parse<TEnum>(string? camel)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => ProjectionColumns.Camel(v) == camel).Select(v => (TEnum?)v).FirstOrDefault();
}
