using Referrals.Contracts;
using Referrals.Domain.Lifecycle;

namespace Referrals.App.Api.Reports;

/// <summary>One referral as the report read model holds it: counts and times for the dashboard, no personal data.
/// </summary>
public sealed record ReportRow(
    string Id,
    ReferralStatus Status,
    DateTimeOffset SubmittedAt,
    string MunicipalityCode,
    string? FirstMscId,
    string? AcknowledgingMscId,
    DateTimeOffset WaitStartedAt,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? AcknowledgedAt,
    bool? AcknowledgedLate,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<SmsStatusTally> Sms)
{
    /// <summary>The row a projection carrying report facts writes.</summary>
    public static ReportRow From(ReferralProjection projection, ReferralReportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(facts);
        return new ReportRow(projection.Id, projection.Status, projection.SubmittedAt, projection.MunicipalityCode,
            facts.FirstMscId, facts.AcknowledgingMscId, facts.WaitStartedAt, projection.AcknowledgeBy,
            projection.AcknowledgedAt, facts.AcknowledgedLate, facts.Needs, facts.Sms);
    }

    /// <summary>The row of <paramref name="state"/> (tests, and anything that holds the state anyway).</summary>
    public static ReportRow Of(ReferralState state, DateTimeOffset now)
    {
        var projection = ReferralProjection.Of(state, now);
        return From(projection, projection.Report!);
    }
}
