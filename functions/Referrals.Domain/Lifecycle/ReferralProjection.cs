using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Payload of <see cref="ReferralEffects.UpdateProjection"/>: what the referral list read models (advisor inbox by MSC,
/// scout view by organisation) and the report read model store. <paramref name="Revision"/> only grows, so a handler
/// can ignore a projection older than the one it already wrote. The only personal data is
/// <paramref name="Returnee"/>'s name, for the organisation's own list, which the handler stores encrypted; no
/// phones, dates of birth or notes. Members after <paramref name="UpdatedAt"/> are absent (null) in payloads written
/// before they existed.
/// </summary>
public sealed record ReferralProjection(
    string Id,
    long Revision,
    ReferralStatus Status,
    string? MscId,
    string Organisation,
    string ScoutId,
    Priority Priority,
    string MunicipalityCode,
    DateOnly ExpectedReturnDate,
    DeadlineView? NextDeadline,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcknowledgedAt,
    bool SmsOptedOut,
    int ParkedEffects,
    DateTimeOffset UpdatedAt,
    ProjectedName? Returnee = null,
    DateTimeOffset? AcknowledgeBy = null,
    ReferralReportFacts? Report = null,
    bool ReportOnly = false)
{
    /// <summary>The projection of <paramref name="state"/> at <paramref name="now"/>.</summary>
    /// <param name="reportOnly">Only the report's facts changed (SMS delivery): the list rows need no write.</param>
    public static ReferralProjection Of(ReferralState state, DateTimeOffset now, bool reportOnly = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        var d = state.Details;
        return new ReferralProjection(state.Id, state.Revision, state.Status, state.MscId, d.Referrer.Organisation,
            d.Referrer.ScoutId, d.Priority, d.MunicipalityCode, d.ExpectedReturnDate, ReferralView.NextDeadline(state, now),
            state.SubmittedAt, state.Acknowledgement?.At, state.IsSmsOptedOut(), state.ParkedEffects.Count, now,
            new ProjectedName(d.Returnee.GivenName, d.Returnee.FamilyName),
            state.FindDeadline(DeadlineKinds.Acknowledge)?.DueAt,
            ReferralReportFacts.Of(state),
            reportOnly);
    }
}

/// <summary>The returnee's name as the submitting organisation's list shows it.</summary>
public sealed record ProjectedName(string GivenName, string FamilyName);

/// <summary>
/// What the coordinator's dashboard needs of one referral beyond the list columns: counts and times, no personal
/// data. <paramref name="FirstMscId"/> is who it was submitted to; <paramref name="AcknowledgingMscId"/> the MSC the
/// acknowledge deadline runs against (a reassignment restarts it), waiting since <paramref name="WaitStartedAt"/>.
/// </summary>
public sealed record ReferralReportFacts(
    string? FirstMscId,
    string? AcknowledgingMscId,
    DateTimeOffset WaitStartedAt,
    bool? AcknowledgedLate,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<SmsStatusTally> Sms)
{
    public static ReferralReportFacts Of(ReferralState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var first = state.Assignments.Count > 0 ? state.Assignments[0].MscId ?? state.MscId : state.MscId;
        var acknowledging = state.MscId ?? state.Assignments.LastOrDefault(a => a.MscId is not null)?.MscId;
        var waitStarted = state.Assignments.Count > 0 ? state.Assignments[^1].At : state.SubmittedAt;
        return new ReferralReportFacts(first, acknowledging, waitStarted, state.Acknowledgement?.Late,
            [.. state.Details.Needs.Distinct()], SmsTallies(state));
    }

    /// <summary>The referral's SMS by status, in status order.</summary>
    public static IReadOnlyList<SmsStatusTally> SmsTallies(ReferralState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Messages.Where(m => m.Channel == MessageChannel.Sms)
            .GroupBy(m => m.Status)
            .OrderBy(g => g.Key)
            .Select(g => new SmsStatusTally(g.Key, g.Count()))];
    }
}

/// <summary>How many of a referral's SMS are in <paramref name="Status"/>.</summary>
public sealed record SmsStatusTally(MessageStatus Status, int Count);
