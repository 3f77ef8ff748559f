using System.Globalization;
using Referrals.Contracts;

namespace Referrals.Web.Services;

/// <summary>
/// What the referral page reads off a <see cref="ReferralResponse"/>: whether the case is open, the next deadline,
/// acknowledgement and arrival from the timeline, the follow-ups recorded so far. Pure, so it is unit-tested.
/// </summary>
public sealed record ReferralFacts(
    bool IsOpen,
    bool IsBeforeArrival,
    DeadlineResponse? NextDeadline,
    DateTimeOffset? AcknowledgedAt,
    bool AcknowledgedLate,
    DateOnly? ArrivedOn,
    int FollowUpsRecorded,
    IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<MessageResponse> Messages)
{
    /// <summary>The next follow-up to record (1 to 3), or null when all are recorded.</summary>
    public int? NextFollowUp => FollowUpsRecorded < 3 ? FollowUpsRecorded + 1 : null;

    public static ReferralFacts Of(ReferralResponse referral, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var open = referral.Status is ReferralStatus.AwaitingAcknowledgement or ReferralStatus.Acknowledged
            or ReferralStatus.Arrived or ReferralStatus.InSupport;
        var deadlines = referral.Deadlines.OrderBy(d => d.DueAt).ToList();
        // A pending deadline whose time has passed shows as overdue even before the backend has marked it.
        var shown = deadlines
            .Select(d => d.State == DeadlineState.Pending && d.DueAt < now ? d with { State = DeadlineState.Overdue } : d)
            .ToList();
        var next = shown.FirstOrDefault(d => d.State is DeadlineState.Pending or DeadlineState.Overdue or DeadlineState.Escalated);
        var acknowledged = referral.Timeline.LastOrDefault(e => e.Type == "acknowledged");
        var ackDeadline = deadlines.FirstOrDefault(d => d.Kind == "acknowledge");
        var arrived = referral.Timeline.LastOrDefault(e => e.Type == "arrived");
        DateOnly? arrivedOn = null;
        if (arrived is not null)
        {
            arrivedOn = arrived.Detail.TryGetValue("arrivedOn", out var value)
                && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : DateOnly.FromDateTime(arrived.At.UtcDateTime);
        }

        return new ReferralFacts(
            open,
            referral.Status is ReferralStatus.AwaitingAcknowledgement or ReferralStatus.Acknowledged,
            open ? next : null,
            acknowledged?.At,
            acknowledged is not null && ackDeadline is not null && acknowledged.At > ackDeadline.DueAt,
            arrivedOn,
            referral.Timeline.Count(e => e.Type == "followUpRecorded"),
            shown,
            [.. referral.Messages.OrderBy(m => m.At)]);
    }

    /// <summary>The returnee's preferred language as a <see cref="Language"/>, when the tag is one we know.</summary>
    public static Language? LanguageOf(string tag) => LanguageTags.TryParse(tag, out var language) ? language : null;
}
