using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>Whole referrals driven through the harness on a fake clock.</summary>
public sealed class ReferralScenarioTests
{
    [Fact]
    public void Referral_with_a_missed_acknowledgement_escalates_twice_is_acknowledged_late_and_runs_to_closure()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());

        // Nobody at the MSC reacts: half-time reminder, escalation, second escalation.
        harness.AdvanceTo(At("2026-11-13T10:00:00+01:00"));
        Assert.Equal(
            [
                (EmailKind.NewReferral, MessageRecipient.MscInbox),
                (EmailKind.AcknowledgeReminder, MessageRecipient.MscInbox),
                (EmailKind.Escalation, MessageRecipient.MscHead),
                (EmailKind.Escalation, MessageRecipient.Coordinator),
                (EmailKind.SecondEscalation, MessageRecipient.MscHead),
                (EmailKind.SecondEscalation, MessageRecipient.Coordinator),
            ],
            harness.Emails.Select(e => (e.Kind, e.Recipient)));
        Assert.Equal(
            [At("2026-11-05T21:00:00+01:00"), At("2026-11-09T09:00:00+01:00"), At("2026-11-12T09:00:00+01:00")],
            harness.Timeline.Where(t => t.Event.Type is ReferralEventTypes.ReminderSent or ReferralEventTypes.Escalated).Select(t => t.At));

        var acknowledged = harness.Accept(new AcknowledgeReferral(null, Advisor));
        Assert.True(acknowledged.State.Acknowledgement!.Late);
        Assert.Equal("true", acknowledged.Events.Single().Detail!["late"]);
        Assert.Equal(DeadlineState.Met, acknowledged.State.FindDeadline(DeadlineKinds.Acknowledge)!.State);

        // The returnee is reminded before return, arrives, is contacted and followed up on time.
        harness.AdvanceTo(At("2026-12-11T11:00:00+01:00"));
        harness.Accept(new RecordArrival(new DateOnly(2026, 12, 11), Advisor));
        harness.AdvanceTo(At("2026-12-14T11:00:00+01:00"));
        harness.Accept(new RecordFirstContact(new DateOnly(2026, 12, 14), "Registered at NES.", Advisor));
        harness.AdvanceTo(At("2027-01-08T11:00:00+01:00"));
        harness.Accept(new RecordFollowUp(1, "registered with NES", null, Advisor));
        harness.AdvanceTo(At("2027-03-10T11:00:00+01:00"));
        harness.Accept(new RecordFollowUp(2, "in training", null, Advisor));
        harness.AdvanceTo(At("2027-06-08T11:00:00+02:00"));
        harness.Accept(new RecordFollowUp(3, "employed", null, Advisor));
        harness.Accept(new CloseReferral("completed", null, Advisor));

        Assert.Equal(
            [
                ReferralEventTypes.Submitted, ReferralEventTypes.Routed, ReferralEventTypes.ReminderSent,
                ReferralEventTypes.Escalated, ReferralEventTypes.Escalated, ReferralEventTypes.Acknowledged,
                ReferralEventTypes.ReminderSent, ReferralEventTypes.ReminderSent, ReferralEventTypes.Arrived,
                ReferralEventTypes.FirstContactMade, ReferralEventTypes.FollowUpRecorded, ReferralEventTypes.FollowUpRecorded,
                ReferralEventTypes.FollowUpRecorded, ReferralEventTypes.Closed,
            ],
            harness.EventTypes);
        Assert.Equal(
            [SmsKind.SubmissionConfirmation, SmsKind.Acknowledged, SmsKind.PreReturnReminder7, SmsKind.PreReturnReminder1, SmsKind.Welcome],
            harness.Sms.Select(s => s.Kind));
        Assert.Equal(6, harness.Emails.Count());
        Assert.Equal(ReferralStatus.Closed, harness.Current.Status);
        Assert.Empty(harness.Timers);
        Assert.Equal(0, harness.StaleTimers);
        Assert.Equal(
            [
                (DeadlineKinds.Acknowledge, DeadlineState.Met), (DeadlineKinds.PreReturnReminder7, DeadlineState.Met),
                (DeadlineKinds.PreReturnReminder1, DeadlineState.Met), (DeadlineKinds.ArrivalConfirmation, DeadlineState.Met),
                (DeadlineKinds.FirstContact, DeadlineState.Met), (DeadlineKinds.FollowUp1, DeadlineState.Met),
                (DeadlineKinds.FollowUp2, DeadlineState.Met), (DeadlineKinds.FollowUp3, DeadlineState.Met),
            ],
            ReferralView.Deadlines(harness.Current, harness.Now).Select(d => (d.Kind, d.State)));
        Assert.Equal(ReferralStatus.Closed, harness.Projections.Last().Status);
        Assert.Null(harness.Projections.Last().NextDeadline);
    }

    [Fact]
    public void Changing_the_return_date_moves_the_pre_return_reminders_and_the_arrival_confirmation()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        harness.AdvanceTo(At("2026-11-20T15:00:00+01:00"));

        harness.Accept(new ChangeReturnDate(new DateOnly(2026, 12, 20), Scout));

        // Nothing fires at the old times (3 and 9 December for the SMS, 15 December for the arrival check).
        harness.AdvanceTo(At("2026-12-12T23:00:00+01:00"));
        Assert.Equal([SmsKind.SubmissionConfirmation, SmsKind.Acknowledged], harness.Sms.Select(s => s.Kind));

        harness.AdvanceTo(At("2026-12-23T23:00:00+01:00"));
        var reminders = harness.Sms.Where(s => s.Kind is SmsKind.PreReturnReminder7 or SmsKind.PreReturnReminder1).ToList();
        Assert.Equal([SmsKind.PreReturnReminder7, SmsKind.PreReturnReminder1], reminders.Select(s => s.Kind));
        Assert.All(reminders, s => Assert.Equal("2026-12-20", s.Values[TemplateValues.ExpectedReturnDate]));
        Assert.Equal(["7", "1"], reminders.Select(s => s.Values[TemplateValues.DaysBefore]));
        Assert.Equal(
            [At("2026-12-13T10:00:00+01:00"), At("2026-12-19T10:00:00+01:00")],
            harness.Timeline.Where(t => t.Event.Type == ReferralEventTypes.ReminderSent).Select(t => t.At));
        Assert.DoesNotContain(harness.Emails, e => e.Kind == EmailKind.ArrivalConfirmationReminder);

        // Sunday 20 December + 3 working days counted from Monday: Thursday 24 December, 09:00.
        harness.AdvanceTo(At("2026-12-24T09:00:00+01:00"));
        Assert.Single(harness.Emails, e => e.Kind == EmailKind.ArrivalConfirmationReminder);
        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.ArrivalConfirmation)!.State);
        Assert.Equal(0, harness.StaleTimers);
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
