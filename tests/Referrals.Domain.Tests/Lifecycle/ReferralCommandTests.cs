using System.Text.Json;
using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>What each command does beyond its status change, and the arguments it refuses.</summary>
public sealed class ReferralCommandTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.Date);

    [Fact]
    public void Submit_routes_to_the_MSC_texts_the_returnee_emails_the_MSC_and_sets_every_timer()
    {
        var harness = new ReferralWorkflowHarness(Start);

        var step = harness.Accept(Submit());

        var state = step.State;
        Assert.Equal(ReferralId, state.Id);
        Assert.Equal(ReferralStatus.AwaitingAcknowledgement, state.Status);
        Assert.Equal(Msc, state.MscId);
        Assert.Equal(1, state.Revision);
        Assert.Equal(new MscAssignment(Msc, Start, Scout.Subject, AssignmentReason.Submitted), Assert.Single(state.Assignments));
        Assert.Equal([ReferralEventTypes.Submitted, ReferralEventTypes.Routed], step.Events.Select(e => e.Type));
        Assert.Equal(Scout.Subject, step.Events[0].Actor);

        var sms = Assert.Single(step.Sms);
        Assert.Equal(new SendSmsPayload("sms-submissionConfirmation-1", SmsKind.SubmissionConfirmation, ReferralId, Msc,
            Language.SrLatn, GermanPhone, sms.Values), sms);
        Assert.Equal("2026-12-10", sms.Values[TemplateValues.ExpectedReturnDate]);

        var email = Assert.Single(step.Emails);
        Assert.Equal("email-newReferral-mscInbox-1", email.MessageId);
        Assert.Equal(MessageRecipient.MscInbox, email.Recipient);
        Assert.Equal(Language.SrLatn, email.Language);
        Assert.Equal(Scout.Subject, email.ScoutId);
        Assert.Equal("A. P.", email.Values[TemplateValues.Initials]);
        Assert.Equal("70130", email.Values[TemplateValues.Municipality]);
        Assert.Equal("normal", email.Values[TemplateValues.Priority]);
        Assert.Equal("2026-11-09T08:00:00Z", email.Values[TemplateValues.AcknowledgeBy]);

        Assert.Equal(
            [DeadlineKinds.Acknowledge, DeadlineKinds.ArrivalConfirmation, DeadlineKinds.PreReturnReminder1, DeadlineKinds.PreReturnReminder7],
            harness.Timers.Keys.Order(StringComparer.Ordinal));
        Assert.All(step.Effects, e => Assert.Contains(e.Type, new[] { ReferralEffects.SendSms, ReferralEffects.SendEmail, ReferralEffects.UpdateProjection }));
        Assert.Equal(["sms-submissionConfirmation-1", "email-newReferral-mscInbox-1", "projection-1"], step.Effects.Select(e => e.Id));

        var projection = Assert.Single(harness.Projections);
        Assert.Equal(new DeadlineView(DeadlineKinds.Acknowledge, At("2026-11-09T09:00:00+01:00"), DeadlineState.Pending), projection.NextDeadline);
        Assert.Equal("org-berlin", projection.Organisation);
    }

    [Fact]
    public void Nothing_written_for_staff_or_the_timeline_carries_a_name_phone_or_note()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.Accept(new RejectReferral(RejectionReason.OutOfArea, "Lives in Subotica, per Ana Primer.", OtherMsc, Advisor));
        harness.Accept(new AcknowledgeReferral("Called Ana Primer.", Advisor));
        harness.AdvanceTo(At("2026-12-16T09:00:00+01:00"));

        var staffFacing = JsonSerializer.Serialize(new
        {
            Timeline = harness.Timeline.Select(t => t.Event),
            Emails = harness.Emails,
            // The name is the one personal field a projection carries, for the organisation's own list (the
            // handler stores it encrypted there); nothing else in it may name anyone.
            Projections = harness.Projections.Select(p => p with { Returnee = null }),
        }, WorkflowJson.Options);

        Assert.DoesNotContain("Ana", staffFacing, StringComparison.Ordinal);
        Assert.DoesNotContain("Primer", staffFacing, StringComparison.Ordinal);
        Assert.DoesNotContain("5550123", staffFacing, StringComparison.Ordinal);
        Assert.DoesNotContain("Subotica", staffFacing, StringComparison.Ordinal);
        Assert.Equal(2, harness.Current.Notes.Count);
        Assert.All(harness.Projections, p => Assert.Equal(harness.Current.Details.Returnee.GivenName, p.Returnee?.GivenName));
    }

    public static TheoryData<string, SubmitReferral, string> InvalidSubmissions() => new()
    {
        { "no data-sharing consent", Submit() with { Details = Details(dataSharing: false) },
            "consent.dataSharing must be true: no referral is accepted without consent to share data." },
        { "return date in the past", Submit(expectedReturnDate: new DateOnly(2026, 11, 1)), "expectedReturnDate must not be in the past." },
        { "phone not E.164", Submit() with { Details = Details(phone: "030 5550123") },
            "returnee.phone must be a phone number in E.164 format (+ and 8 to 15 digits)." },
        { "no MSC", Submit() with { MscId = " " }, "msc is required." },
        { "no id", Submit() with { ReferralId = "" }, "referralId is required." },
        { "advisor submits", Submit() with { Actor = Advisor }, "Only a scout may submit a referral." },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public void Submit_with_bad_input_is_invalid_and_names_the_field(string scenario, SubmitReferral submit, string reason)
    {
        var decision = Decider().Decide(null, submit, Start);

        Assert.True(decision.Rejection?.Kind == RejectionKind.Invalid, scenario);
        Assert.Equal(reason, decision.Rejection!.Reason);
    }

    [Fact]
    public void Acknowledge_meets_the_deadline_and_texts_the_returnee()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.Advance(TimeSpan.FromHours(3));

        var step = harness.Accept(new AcknowledgeReferral("Advisor assigned.", Advisor));

        var deadline = step.State.FindDeadline(DeadlineKinds.Acknowledge)!;
        Assert.Equal(DeadlineState.Met, deadline.State);
        Assert.Equal(harness.Now, deadline.MetAt);
        Assert.Equal(new Acknowledgement(harness.Now, Advisor.Subject, Late: false), step.State.Acknowledgement);
        Assert.Equal(SmsKind.Acknowledged, Assert.Single(step.Sms).Kind);
        Assert.False(harness.Timers.ContainsKey(DeadlineKinds.Acknowledge));
        Assert.Equal("false", Assert.Single(step.Events).Detail!["late"]);
        Assert.Equal(new ReferralNote("acknowledge", "Advisor assigned.", harness.Now, Advisor.Subject), Assert.Single(step.State.Notes));
        Assert.Equal(harness.Now, harness.Projections.Last().AcknowledgedAt);
    }

    [Fact]
    public void Reject_out_of_area_with_a_suggestion_reroutes_to_the_suggested_MSC_with_a_new_deadline()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.AdvanceTo(At("2026-11-04T11:00:00+01:00"));

        var step = harness.Accept(new RejectReferral(RejectionReason.OutOfArea, null, OtherMsc, Advisor));

        Assert.Equal(ReferralStatus.AwaitingAcknowledgement, step.State.Status);
        Assert.Equal(OtherMsc, step.State.MscId);
        Assert.Equal(AssignmentReason.OutOfAreaSuggestion, step.State.Assignments[^1].Reason);
        Assert.Equal([ReferralEventTypes.Rejected, ReferralEventTypes.Routed], step.Events.Select(e => e.Type));
        var email = Assert.Single(step.Emails);
        Assert.Equal((EmailKind.NewReferral, MessageRecipient.MscInbox, OtherMsc), (email.Kind, email.Recipient, email.MscId));
        // Five working days from Wednesday 4 November 11:00, skipping 11 November.
        Assert.Equal(At("2026-11-12T11:00:00+01:00"), step.State.FindDeadline(DeadlineKinds.Acknowledge)!.DueAt);
        Assert.Equal(DeadlineState.Pending, step.State.FindDeadline(DeadlineKinds.Acknowledge)!.State);
    }

    [Fact]
    public void Reject_out_of_area_without_a_suggestion_goes_to_the_coordinator_queue_and_a_reassignment_leaves_it()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());

        var queued = harness.Accept(new RejectReferral(RejectionReason.OutOfArea, null, null, Advisor));

        Assert.Equal(ReferralStatus.AwaitingAcknowledgement, queued.State.Status);
        Assert.Null(queued.State.MscId);
        Assert.True(queued.State.IsOpen());
        Assert.Equal(DeadlineState.Cancelled, queued.State.FindDeadline(DeadlineKinds.Acknowledge)!.State);
        Assert.Equal(DeadlineKinds.Routing, ReferralView.NextDeadline(queued.State, harness.Now)!.Kind);
        Assert.Equal((EmailKind.RoutingRequest, MessageRecipient.Coordinator), (Assert.Single(queued.Emails).Kind, queued.Emails.Single().Recipient));
        Assert.Null(harness.Projections.Last().MscId);
        Assert.DoesNotContain(DeadlineKinds.Acknowledge, harness.Timers.Keys);

        var reassigned = harness.Accept(new ReassignReferral(OtherMsc, null, Coordinator));

        Assert.Equal(OtherMsc, reassigned.State.MscId);
        Assert.Equal(DeadlineState.Met, reassigned.State.FindDeadline(DeadlineKinds.Routing)!.State);
        Assert.Equal(DeadlineState.Pending, reassigned.State.FindDeadline(DeadlineKinds.Acknowledge)!.State);
        Assert.Equal(EmailKind.NewReferral, Assert.Single(reassigned.Emails).Kind);
        var reassignedEvent = Assert.Single(reassigned.Events);
        Assert.Equal(ReferralEventTypes.Reassigned, reassignedEvent.Type);
        Assert.Null(reassignedEvent.Detail!["from"]);
        Assert.Equal(OtherMsc, reassignedEvent.Detail["to"]);
        Assert.DoesNotContain(DeadlineKinds.Routing, harness.Timers.Keys);
    }

    [Fact]
    public void Reject_as_duplicate_is_final_notifies_the_scout_and_cancels_every_timer()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());

        var step = harness.Accept(new RejectReferral(RejectionReason.Duplicate, null, null, Advisor));

        Assert.Equal(ReferralStatus.Rejected, step.State.Status);
        Assert.Empty(harness.Timers);
        Assert.All(step.State.Deadlines, d => Assert.Equal(DeadlineState.Cancelled, d.State));
        var email = Assert.Single(step.Emails);
        Assert.Equal((EmailKind.RejectionNotice, MessageRecipient.Scout, "duplicate"), (email.Kind, email.Recipient, email.Values[TemplateValues.Reason]));
        Assert.Equal(Language.De, email.Language);
        Assert.Null(harness.Projections.Last().NextDeadline);
    }

    public static TheoryData<RejectReferral, string> InvalidRejections() => new()
    {
        { new RejectReferral(RejectionReason.Other, null, null, Advisor), "note is required." },
        { new RejectReferral(RejectionReason.Duplicate, null, OtherMsc, Advisor), "suggestedMsc is only allowed with reason outOfArea." },
        { new RejectReferral(RejectionReason.OutOfArea, null, Msc, Advisor), "suggestedMsc must differ from the MSC that rejects the referral." },
        { new RejectReferral(RejectionReason.Duplicate, new string('x', 2001), null, Advisor), "note must be at most 2000 characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidRejections))]
    public void Reject_with_bad_arguments_is_invalid(RejectReferral reject, string reason) =>
        AssertInvalid(ReferralStages.In(ReferralStages.AwaitingAcknowledgement), reject, reason);

    [Fact]
    public void Reassign_after_arrival_keeps_the_status_and_the_running_deadlines()
    {
        var harness = ReferralStages.In(ReferralStages.Arrived);
        var timers = harness.Timers.ToDictionary();

        var step = harness.Accept(new ReassignReferral(OtherMsc, "Moved to Belgrade.", Coordinator));

        Assert.Equal(ReferralStatus.Arrived, step.State.Status);
        Assert.Equal(OtherMsc, step.State.MscId);
        Assert.Equal(timers, harness.Timers.ToDictionary());
        Assert.Equal(EmailKind.NewReferral, Assert.Single(step.Emails).Kind);
        Assert.Equal(Msc, step.Events[0].Detail!["from"]);
        AssertInvalid(harness, new ReassignReferral(OtherMsc, null, Coordinator), "msc is already the assigned MSC.");
    }

    [Fact]
    public void Withdraw_cancels_everything_and_tells_the_MSC()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);

        var step = harness.Accept(new WithdrawReferral("Return cancelled by the family.", Scout));

        Assert.Equal(ReferralStatus.Withdrawn, step.State.Status);
        Assert.Empty(harness.Timers);
        Assert.Equal((EmailKind.WithdrawalNotice, MessageRecipient.MscInbox), (Assert.Single(step.Emails).Kind, step.Emails.Single().Recipient));
        Assert.Empty(step.Sms);
        Assert.Null(Assert.Single(step.Events).Detail);
        AssertInvalid(ReferralStages.In(ReferralStages.Acknowledged), new WithdrawReferral(" ", Scout), "reason is required.");
    }

    [Fact]
    public void Withdraw_from_the_coordinator_queue_tells_the_coordinator()
    {
        var harness = ReferralStages.In(ReferralStages.CoordinatorQueue);

        var step = harness.Accept(new WithdrawReferral("Return cancelled.", Scout));

        Assert.Equal(MessageRecipient.Coordinator, Assert.Single(step.Emails).Recipient);
    }

    [Fact]
    public void Changing_to_the_same_value_changes_nothing()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);
        var state = harness.Current;

        Assert.True(harness.Execute(new ChangeReturnDate(ReturnDate, Scout)).IsNoOp(state));
        Assert.True(harness.Execute(new ChangePhone(GermanPhone, Scout)).IsNoOp(state));
        Assert.True(harness.Execute(new ChangePreferredLanguage(Language.SrLatn, Scout)).IsNoOp(state));
    }

    [Fact]
    public void Phone_and_language_changes_are_recorded_without_the_number()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);

        var phone = harness.Accept(new ChangePhone(SerbianPhone, Scout));
        var language = harness.Accept(new ChangePreferredLanguage(Language.SrCyrl, Scout));

        Assert.Equal(SerbianPhone, harness.Current.Details.Returnee.Phone);
        Assert.Equal(Language.SrCyrl, harness.Current.Details.Returnee.PreferredLanguage);
        Assert.Null(Assert.Single(phone.Events).Detail);
        Assert.Equal("sr-Cyrl", Assert.Single(language.Events).Detail!["language"]);
    }

    public static TheoryData<string, ReferralCommand, string> InvalidArguments() => new()
    {
        { ReferralStages.Acknowledged, new ChangeReturnDate(new DateOnly(2026, 11, 1), Scout), "expectedReturnDate must not be in the past." },
        { ReferralStages.Acknowledged, new ChangePhone("+0123", Scout), "returnee.phone must be a phone number in E.164 format (+ and 8 to 15 digits)." },
        { ReferralStages.Acknowledged, new ChangePreferredLanguage((Language)42, Scout), "returnee.preferredLanguage is not a supported language." },
        { ReferralStages.Acknowledged, new RecordArrival(new DateOnly(2026, 11, 1), Advisor), "arrivedOn must not be before the day the referral was submitted." },
        { ReferralStages.Acknowledged, new RecordArrival(new DateOnly(2026, 11, 3), Advisor), "arrivedOn must not be in the future." },
        { ReferralStages.Arrived, new RecordFirstContact(new DateOnly(2026, 11, 3), null, Advisor), "on must not be in the future." },
        { ReferralStages.InSupport, new RecordFollowUp(0, "ok", null, Advisor), "n must be 1, 2 or 3." },
        { ReferralStages.InSupport, new RecordFollowUp(4, "ok", null, Advisor), "n must be 1, 2 or 3." },
        { ReferralStages.InSupport, new RecordFollowUp(1, " ", null, Advisor), "outcome is required." },
        { ReferralStages.InSupport, new RecordFollowUp(1, new string('x', 201), null, Advisor), "outcome must be at most 200 characters." },
        { ReferralStages.InSupport, new CloseReferral("", null, Advisor), "outcome is required." },
        { ReferralStages.InSupport, new CloseReferral("done", null, new Actor(" ", Role.Advisor)), "actor.subject is required." },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void Command_with_a_bad_argument_is_invalid_and_names_the_field(string stage, ReferralCommand command, string reason) =>
        AssertInvalid(ReferralStages.In(stage), command, reason);

    [Fact]
    public void First_contact_before_the_arrival_date_is_invalid()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);
        harness.AdvanceTo(At("2026-11-20T12:00:00+01:00"));
        harness.Accept(new RecordArrival(new DateOnly(2026, 11, 19), Advisor));

        AssertInvalid(harness, new RecordFirstContact(new DateOnly(2026, 11, 18), null, Advisor), "on must not be before the arrival date.");
    }

    [Fact]
    public void Follow_up_recorded_twice_is_an_invalid_transition()
    {
        var harness = ReferralStages.In(ReferralStages.InSupport);
        harness.Accept(new RecordFollowUp(2, "employed", "Works at a bakery.", Advisor));

        var decision = harness.Execute(new RecordFollowUp(2, "employed", null, Advisor));

        Assert.Equal(RejectionKind.InvalidTransition, decision.Rejection?.Kind);
        Assert.Equal("Follow-up 2 is already recorded.", decision.Rejection!.Reason);
        Assert.Equal(new FollowUpRecord(2, "employed", Start, Advisor.Subject), Assert.Single(harness.Current.FollowUps));
    }

    [Fact]
    public void Arrival_cancels_the_pre_return_reminders_and_welcomes_the_returnee()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);

        var step = harness.Accept(new RecordArrival(Today, Advisor));

        Assert.Equal(DeadlineState.Cancelled, step.State.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.Equal(DeadlineState.Cancelled, step.State.FindDeadline(DeadlineKinds.PreReturnReminder1)!.State);
        Assert.DoesNotContain(DeadlineKinds.PreReturnReminder7, harness.Timers.Keys);
        var welcome = Assert.Single(step.Sms);
        Assert.Equal((SmsKind.Welcome, "2026-11-02"), (welcome.Kind, welcome.Values[TemplateValues.ArrivedOn]));
    }

    [Fact]
    public void Close_keeps_missed_deadlines_as_history_and_cancels_the_rest()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);
        harness.AdvanceTo(At("2026-12-15T09:00:00+01:00"));

        var step = harness.Accept(new CloseReferral("did not return", "Family stayed in Germany.", Advisor));

        Assert.Equal(ReferralStatus.Closed, step.State.Status);
        Assert.Equal(new ClosureRecord("did not return", harness.Now, Advisor.Subject), step.State.Closure);
        Assert.Equal(DeadlineState.Overdue, step.State.FindDeadline(DeadlineKinds.ArrivalConfirmation)!.State);
        Assert.Equal(DeadlineState.Met, step.State.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.Empty(harness.Timers);
        Assert.Null(Assert.Single(step.Events).Detail);
    }

    private static void AssertInvalid(ReferralWorkflowHarness harness, ReferralCommand command, string reason)
    {
        var decision = harness.Decider.Decide(harness.Current, command, harness.Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Equal(reason, decision.Rejection!.Reason);
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
