using Referrals.Contracts;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

// What a due deadline timer does.
public sealed partial class ReferralDecider
{
    public Decision<ReferralState> OnTimer(ReferralState state, TimerElapsed timer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timer);

        // A timer is current only while its deadline still carries its token: meeting, moving or cancelling the
        // deadline changes or clears the token, so a late or repeated delivery is ignored.
        if (state.FindDeadline(timer.Kind) is not { NextStep: { } step, Token: { } token } deadline
            || token != timer.Token
            || !state.IsOpen())
        {
            return Decision<ReferralState>.Unchanged(state);
        }

        var change = new ReferralChange(state, now);
        switch (deadline.Kind, step)
        {
            case (DeadlineKinds.Acknowledge, DeadlineStep.Reminder):
                change.Advance(deadline, DeadlineState.Pending, DeadlineStep.Due, deadline.DueAt);
                Remind(change, deadline.Kind, EmailKind.AcknowledgeReminder, MessageRecipient.MscInbox);
                break;
            case (DeadlineKinds.Acknowledge, DeadlineStep.Due):
                change.Advance(deadline, DeadlineState.Escalated, DeadlineStep.SecondEscalation,
                    _calendar.AddWorkingDays(deadline.DueAt, _policy.SecondEscalationWorkingDays));
                Escalate(change, deadline, EmailKind.Escalation, level: 1);
                break;
            case (DeadlineKinds.Acknowledge, DeadlineStep.SecondEscalation):
                change.Advance(deadline, DeadlineState.Escalated);
                Escalate(change, deadline, EmailKind.SecondEscalation, level: 2);
                break;
            case (DeadlineKinds.Routing, DeadlineStep.Due):
                change.Advance(deadline, DeadlineState.Overdue);
                Missed(change, deadline);
                Remind(change, deadline.Kind, EmailKind.RoutingRequest, MessageRecipient.Coordinator);
                break;
            case (DeadlineKinds.PreReturnReminder7 or DeadlineKinds.PreReturnReminder1, DeadlineStep.Due):
                SendPreReturnReminder(change, deadline);
                break;
            case (DeadlineKinds.ArrivalConfirmation, DeadlineStep.Due):
                change.Advance(deadline, DeadlineState.Overdue);
                Missed(change, deadline);
                Remind(change, deadline.Kind, EmailKind.ArrivalConfirmationReminder, StaffInbox(state));
                break;
            case (DeadlineKinds.FirstContact, DeadlineStep.Reminder):
                change.Advance(deadline, DeadlineState.Pending, DeadlineStep.Due, deadline.DueAt);
                Remind(change, deadline.Kind, EmailKind.FirstContactReminder, StaffInbox(state));
                break;
            case (DeadlineKinds.FirstContact, DeadlineStep.Due):
                change.Advance(deadline, DeadlineState.Escalated);
                Missed(change, deadline);
                Escalate(change, deadline, EmailKind.FirstContactEscalation, level: 1);
                break;
            case (DeadlineKinds.FollowUp1 or DeadlineKinds.FollowUp2 or DeadlineKinds.FollowUp3, DeadlineStep.Due):
                // Overdue shows in the MSC inbox through the projection; no email per follow-up.
                change.Advance(deadline, DeadlineState.Overdue);
                Missed(change, deadline);
                break;
            default:
                return Decision<ReferralState>.Unchanged(state);
        }

        return change.Accept();
    }

    private void SendPreReturnReminder(ReferralChange change, ReferralDeadline deadline)
    {
        var kind = deadline.Kind == DeadlineKinds.PreReturnReminder7 ? SmsKind.PreReturnReminder7 : SmsKind.PreReturnReminder1;
        var daysBefore = Formats.Number(PreReturnDaysBefore(deadline.Kind));
        if (change.State.IsBeforeArrival()
            && change.Sms(kind, ReturneeValues(change.State, (TemplateValues.DaysBefore, daysBefore))))
        {
            change.Advance(deadline, DeadlineState.Met);
            change.Event(ReferralEventTypes.ReminderSent, Actor.System,
                ("deadline", deadline.Kind), ("channel", Names.Camel(MessageChannel.Sms)), ("to", Names.Camel(MessageRecipient.Returnee)));
            return;
        }

        // Only an invalid number gets here (opt-out and arrival cancel these timers); a phone change re-enables SMS
        // for later messages.
        change.Advance(deadline, DeadlineState.Cancelled);
        change.Event(ReferralEventTypes.ReminderSkipped, Actor.System, ("deadline", deadline.Kind), ("reason", SkipReason(change.State)));
    }

    private static string SkipReason(ReferralState state) =>
        !state.Details.Consent.Sms ? "noSmsConsent"
        : state.IsSmsOptedOut() ? "optedOut"
        : state.PhoneInvalidAt is not null ? "invalidNumber"
        : "notBeforeArrival";

    private void Remind(ReferralChange change, string deadlineKind, EmailKind kind, MessageRecipient to)
    {
        change.Email(kind, to, _policy.StaffLanguage, StaffValues(change.State, (TemplateValues.Deadline, deadlineKind)));
        change.Event(ReferralEventTypes.ReminderSent, Actor.System,
            ("deadline", deadlineKind), ("channel", Names.Camel(MessageChannel.Email)), ("to", Names.Camel(to)));
    }

    private void Escalate(ReferralChange change, ReferralDeadline deadline, EmailKind kind, int level)
    {
        var values = StaffValues(change.State,
            (TemplateValues.Deadline, deadline.Kind), (TemplateValues.DueAt, Formats.Instant(deadline.DueAt)));
        if (deadline.Kind == DeadlineKinds.Acknowledge)
        {
            values[TemplateValues.AcknowledgeBy] = Formats.Instant(deadline.DueAt);
        }

        change.Email(kind, MessageRecipient.MscHead, _policy.StaffLanguage, values);
        change.Email(kind, MessageRecipient.Coordinator, _policy.StaffLanguage, values);
        change.Event(ReferralEventTypes.Escalated, Actor.System,
            ("deadline", deadline.Kind), ("level", Formats.Number(level)), ("to", "mscHead,coordinator"));
    }

    private static void Missed(ReferralChange change, ReferralDeadline deadline) =>
        change.Event(ReferralEventTypes.DeadlineMissed, Actor.System,
            ("deadline", deadline.Kind), ("dueAt", Formats.Instant(deadline.DueAt)));
}
