using System.Text.Json;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

public sealed class ReferralTimerTests
{
    [Fact]
    public void Acknowledge_reminder_emails_the_MSC_inbox_and_arms_the_deadline()
    {
        var harness = Submitted();

        harness.AdvanceTo(At("2026-11-05T21:00:00+01:00"));

        var email = Assert.Single(harness.Emails, e => e.Kind == EmailKind.AcknowledgeReminder);
        Assert.Equal(MessageRecipient.MscInbox, email.Recipient);
        Assert.Equal(Msc, email.MscId);
        Assert.Equal("2026-11-09T08:00:00Z", email.Values[TemplateValues.AcknowledgeBy]);
        var deadline = harness.Current.FindDeadline(DeadlineKinds.Acknowledge)!;
        Assert.Equal(DeadlineState.Pending, deadline.State);
        Assert.Equal(DeadlineStep.Due, deadline.NextStep);
        Assert.Equal(deadline.DueAt, harness.Timers[DeadlineKinds.Acknowledge].DueAt);
        Assert.Equal(ReferralEventTypes.ReminderSent, harness.Timeline[^1].Event.Type);
    }

    [Fact]
    public void Acknowledge_deadline_escalates_to_the_MSC_head_and_the_coordinator_then_again()
    {
        var harness = Submitted();

        harness.AdvanceTo(At("2026-11-09T09:00:00+01:00"));
        var first = harness.Emails.Where(e => e.Kind == EmailKind.Escalation).Select(e => e.Recipient).ToList();
        harness.AdvanceTo(At("2026-11-12T09:00:00+01:00"));
        var second = harness.Emails.Where(e => e.Kind == EmailKind.SecondEscalation).Select(e => e.Recipient).ToList();

        Assert.Equal([MessageRecipient.MscHead, MessageRecipient.Coordinator], first);
        Assert.Equal([MessageRecipient.MscHead, MessageRecipient.Coordinator], second);
        var escalations = harness.Timeline.Where(t => t.Event.Type == ReferralEventTypes.Escalated).ToList();
        Assert.Equal(["1", "2"], escalations.Select(t => t.Event.Detail!["level"]));
        Assert.Equal(DeadlineState.Escalated, harness.Current.FindDeadline(DeadlineKinds.Acknowledge)!.State);
        Assert.False(harness.Timers.ContainsKey(DeadlineKinds.Acknowledge));
    }

    [Fact]
    public void Timer_whose_deadline_was_met_is_stale_and_changes_nothing()
    {
        var harness = Submitted();
        var reminderToken = harness.Timers[DeadlineKinds.Acknowledge].Token;
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        var before = harness.Current;

        var decision = harness.Fire(DeadlineKinds.Acknowledge, reminderToken);

        Assert.True(decision.IsNoOp(before));
        Assert.DoesNotContain(harness.Emails, e => e.Kind == EmailKind.AcknowledgeReminder);
    }

    [Fact]
    public void Timer_with_an_old_token_after_a_reschedule_is_stale()
    {
        var harness = Submitted();
        var oldToken = harness.Timers[DeadlineKinds.PreReturnReminder7].Token;
        harness.Accept(new ChangeReturnDate(new DateOnly(2026, 12, 20), Scout));
        var before = harness.Current;

        var decision = harness.Fire(DeadlineKinds.PreReturnReminder7, oldToken);

        Assert.True(decision.IsNoOp(before));
        Assert.NotEqual(oldToken, harness.Timers[DeadlineKinds.PreReturnReminder7].Token);
        Assert.DoesNotContain(harness.Sms, s => s.Kind == SmsKind.PreReturnReminder7);
    }

    [Fact]
    public void Repeated_delivery_of_a_fired_timer_is_stale()
    {
        var harness = Submitted();
        var timer = harness.Timers[DeadlineKinds.PreReturnReminder7];
        harness.AdvanceTo(timer.DueAt);
        var before = harness.Current;

        var decision = harness.Fire(timer.Kind, timer.Token);

        Assert.True(decision.IsNoOp(before));
        Assert.Single(harness.Sms, s => s.Kind == SmsKind.PreReturnReminder7);
    }

    [Theory]
    [InlineData("unknownKind", "whatever")]
    [InlineData(DeadlineKinds.Acknowledge, "acknowledge:reminder:999")]
    [InlineData(DeadlineKinds.FirstContact, "firstContact:reminder:1")]
    public void Timer_that_matches_no_current_deadline_is_ignored(string kind, string token)
    {
        var harness = Submitted();
        var before = harness.Current;

        Assert.True(harness.Fire(kind, token).IsNoOp(before));
    }

    [Fact]
    public void Timer_of_a_closed_referral_is_ignored()
    {
        var harness = Submitted();
        var timer = harness.Timers[DeadlineKinds.Acknowledge];
        harness.Accept(new CloseReferral("returned elsewhere", null, Coordinator));

        Assert.Empty(harness.Timers);
        Assert.True(harness.Fire(timer.Kind, timer.Token).IsNoOp(harness.Current));
    }

    [Fact]
    public void Arrival_confirmation_missed_marks_it_overdue_and_reminds_the_advisor()
    {
        var harness = Submitted();
        harness.Accept(new AcknowledgeReferral(null, Advisor));

        harness.AdvanceTo(At("2026-12-15T09:00:00+01:00"));

        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.ArrivalConfirmation)!.State);
        var email = Assert.Single(harness.Emails, e => e.Kind == EmailKind.ArrivalConfirmationReminder);
        Assert.Equal(MessageRecipient.MscInbox, email.Recipient);
        Assert.Contains(harness.Timeline, t => t.Event.Type == ReferralEventTypes.DeadlineMissed
            && t.Event.Detail!["deadline"] == DeadlineKinds.ArrivalConfirmation);
        Assert.Equal(DeadlineState.Overdue, harness.Projections.Last().NextDeadline!.State);
    }

    [Fact]
    public void First_contact_is_reminded_then_escalated()
    {
        var harness = Arrived();

        harness.AdvanceTo(At("2026-12-15T09:00:00+01:00"));
        Assert.Single(harness.Emails, e => e.Kind == EmailKind.FirstContactReminder && e.Recipient == MessageRecipient.MscInbox);
        Assert.Equal(DeadlineState.Pending, harness.Current.FindDeadline(DeadlineKinds.FirstContact)!.State);

        harness.AdvanceTo(At("2026-12-17T09:00:00+01:00"));
        Assert.Equal(
            [MessageRecipient.MscHead, MessageRecipient.Coordinator],
            harness.Emails.Where(e => e.Kind == EmailKind.FirstContactEscalation).Select(e => e.Recipient));
        Assert.Equal(DeadlineState.Escalated, harness.Current.FindDeadline(DeadlineKinds.FirstContact)!.State);
    }

    [Fact]
    public void Follow_ups_become_overdue_in_turn_and_the_inbox_projection_shows_it()
    {
        var harness = Arrived();
        harness.Accept(new RecordFirstContact(ReturnDate, null, Advisor));

        harness.AdvanceTo(At("2027-01-11T09:00:00+01:00"));

        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.FollowUp1)!.State);
        Assert.Equal(DeadlineState.Pending, harness.Current.FindDeadline(DeadlineKinds.FollowUp2)!.State);
        Assert.Equal(new DeadlineView(DeadlineKinds.FollowUp1, At("2027-01-11T09:00:00+01:00"), DeadlineState.Overdue),
            harness.Projections.Last().NextDeadline);

        harness.Accept(new RecordFollowUp(1, "registered with NES", null, Advisor));
        Assert.Equal(DeadlineState.Met, harness.Current.FindDeadline(DeadlineKinds.FollowUp1)!.State);
        Assert.Equal(DeadlineKinds.FollowUp2, harness.Projections.Last().NextDeadline!.Kind);

        harness.AdvanceTo(At("2027-06-09T00:00:00+02:00"));
        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.FollowUp2)!.State);
        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.FollowUp3)!.State);
        Assert.Equal(3, harness.Timeline.Count(t => t.Event.Type == ReferralEventTypes.DeadlineMissed
            && t.Event.Detail!["deadline"]!.StartsWith("followUp", StringComparison.Ordinal)));
        Assert.Empty(harness.Timers);
    }

    [Fact]
    public void Routing_deadline_in_the_coordinator_queue_reminds_the_coordinator()
    {
        var harness = Submitted();
        harness.Accept(new RejectReferral(RejectionReason.OutOfArea, null, null, Advisor));

        // Two working days after Monday 2 November, at 09:00.
        harness.AdvanceTo(At("2026-11-04T09:00:00+01:00"));

        Assert.Equal(DeadlineState.Overdue, harness.Current.FindDeadline(DeadlineKinds.Routing)!.State);
        Assert.Equal(2, harness.Emails.Count(e => e.Kind == EmailKind.RoutingRequest && e.Recipient == MessageRecipient.Coordinator));
        Assert.DoesNotContain(harness.Emails, e => e.Kind is EmailKind.AcknowledgeReminder or EmailKind.Escalation);
    }

    [Fact]
    public void Timer_decisions_are_deterministic()
    {
        var harness = Submitted();
        var timer = harness.Timers[DeadlineKinds.Acknowledge];
        var elapsed = new TimerElapsed(timer.Kind, timer.Token, timer.DueAt);

        var first = harness.Decider.OnTimer(harness.Current, elapsed, timer.DueAt);
        var second = Decider().OnTimer(harness.Current, elapsed, timer.DueAt);

        Assert.Equal(Json(first), Json(second));
        Assert.Equal("acknowledge:due:2", Assert.IsType<SetTimer>(Assert.Single(first.Timers)).Token);
    }

    private static string Json(Decision<ReferralState> decision) => JsonSerializer.Serialize(
        new { decision.State, decision.Events, decision.Effects, decision.Timers }, WorkflowJson.Options);

    private static ReferralWorkflowHarness Submitted()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        return harness;
    }

    private static ReferralWorkflowHarness Arrived()
    {
        var harness = Submitted();
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        harness.AdvanceTo(At("2026-12-10T14:00:00+01:00"));
        harness.Accept(new RecordArrival(ReturnDate, Advisor));
        return harness;
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
