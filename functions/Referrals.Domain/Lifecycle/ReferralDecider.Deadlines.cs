using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

// How each deadline is computed from the policy and the calendar.
public sealed partial class ReferralDecider
{
    /// <summary>The acknowledge deadline of a referral (re)assigned at <paramref name="from"/>.</summary>
    public DateTimeOffset AcknowledgeDueAt(Priority priority, DateTimeOffset from) => priority switch
    {
        Priority.Emergency => from + _policy.EmergencyAcknowledgeWithin,
        Priority.Urgent => from + _policy.UrgentAcknowledgeWithin,
        Priority.Normal => _calendar.AddWorkingDays(from, _policy.NormalAcknowledgeWorkingDays),
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    private void ScheduleAcknowledge(ReferralChange change)
    {
        var due = AcknowledgeDueAt(change.State.Details.Priority, change.Now);
        var reminder = change.Now + ((due - change.Now) * _policy.AcknowledgeReminderFraction);
        change.Schedule(DeadlineKinds.Acknowledge, due, DeadlineStep.Reminder, reminder);
        change.Finish(DeadlineKinds.Routing, DeadlineState.Met);
    }

    private void ScheduleRouting(ReferralChange change)
    {
        var due = AtDayDeadline(_calendar.AddWorkingDays(Today(change.Now), _policy.RoutingWorkingDays));
        change.Schedule(DeadlineKinds.Routing, due, DeadlineStep.Due, due);
    }

    /// <summary>
    /// Brings the pre-return SMS deadlines in line with the expected return date, the status and the SMS flags: a
    /// reminder whose time is still ahead is (re)scheduled; one that may no longer be sent is cancelled. Used on
    /// submission, return-date change, opt-out, opt-in and arrival.
    /// </summary>
    private void AlignPreReturnReminders(ReferralChange change)
    {
        var state = change.State;
        var wanted = state.IsBeforeArrival() && state.Details.Consent.Sms && !state.IsSmsOptedOut();
        foreach (var (kind, daysBefore) in PreReturnReminders())
        {
            var at = PreReturnReminderAt(state.Details.ExpectedReturnDate, daysBefore);
            if (wanted && at > change.Now)
            {
                change.Schedule(kind, at, DeadlineStep.Due, at);
            }
            else
            {
                change.Finish(kind, DeadlineState.Cancelled);
            }
        }
    }

    private (string Kind, int DaysBefore)[] PreReturnReminders() =>
    [
        (DeadlineKinds.PreReturnReminder7, _policy.EarlyPreReturnReminderDaysBefore),
        (DeadlineKinds.PreReturnReminder1, _policy.LatePreReturnReminderDaysBefore),
    ];

    private int PreReturnDaysBefore(string kind) =>
        kind == DeadlineKinds.PreReturnReminder7 ? _policy.EarlyPreReturnReminderDaysBefore : _policy.LatePreReturnReminderDaysBefore;

    private DateTimeOffset PreReturnReminderAt(DateOnly expectedReturnDate, int daysBefore) =>
        _calendar.AtLocalTime(expectedReturnDate.AddDays(-daysBefore), _policy.PreReturnReminderLocalTime, TimeZones.Belgrade);

    private void ScheduleArrivalConfirmation(ReferralChange change)
    {
        var due = AtDayDeadline(_calendar.AddWorkingDays(change.State.Details.ExpectedReturnDate,
            _policy.ArrivalConfirmationWorkingDays));
        change.Schedule(DeadlineKinds.ArrivalConfirmation, due, DeadlineStep.Due, due);
    }

    private void ScheduleAfterArrival(ReferralChange change, DateOnly arrivedOn)
    {
        var firstContactDue = AtDayDeadline(_calendar.AddWorkingDays(arrivedOn, _policy.FirstContactWorkingDays));
        var firstContactReminder = AtDayDeadline(_calendar.AddWorkingDays(arrivedOn, _policy.FirstContactReminderWorkingDays));
        change.Schedule(DeadlineKinds.FirstContact, firstContactDue, DeadlineStep.Reminder, firstContactReminder);

        for (var number = 1; number <= 3; number++)
        {
            // A follow-up that falls on a weekend or holiday is due on the next working day.
            var date = _calendar.AddWorkingDays(arrivedOn.AddDays(_policy.FollowUpDaysAfterArrival(number)), 0);
            var due = AtDayDeadline(date);
            change.Schedule(DeadlineKinds.FollowUp(number), due, DeadlineStep.Due, due);
        }
    }
}
