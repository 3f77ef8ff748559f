using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>The default deadlines, computed with the real Serbian calendar (11 November and the new-year holidays
/// fall inside the windows below) and Belgrade time including DST changes. Expected instants are worked out by hand.</summary>
public sealed class ReferralDeadlineTests
{
    public static TheoryData<Priority, string, string, string> AcknowledgeCases() => new()
    {
        // priority, submitted (Belgrade), due, reminder (half time)
        { Priority.Emergency, "2026-11-02T09:00:00+01:00", "2026-11-03T09:00:00+01:00", "2026-11-02T21:00:00+01:00" },
        { Priority.Urgent, "2026-11-02T09:00:00+01:00", "2026-11-05T09:00:00+01:00", "2026-11-03T21:00:00+01:00" },
        { Priority.Normal, "2026-11-02T09:00:00+01:00", "2026-11-09T09:00:00+01:00", "2026-11-05T21:00:00+01:00" },
        // 11 November (Armistice Day) is skipped: Tue 10, Thu 12, Fri 13, Mon 16, Tue 17.
        { Priority.Normal, "2026-11-09T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "2026-11-13T10:00:00+01:00" },
        // Submitted on a Saturday: counting starts at Monday 00:00.
        { Priority.Normal, "2026-11-07T15:00:00+01:00", "2026-11-17T00:00:00+01:00", "2026-11-12T07:30:00+01:00" },
    };

    [Theory]
    [MemberData(nameof(AcknowledgeCases))]
    public void Acknowledge_deadline_and_reminder_follow_the_priority(Priority priority, string submitted, string due, string reminder)
    {
        var harness = new ReferralWorkflowHarness(DateTimeOffset.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture));

        harness.Accept(Submit(priority));

        var deadline = harness.Current.FindDeadline(DeadlineKinds.Acknowledge)!;
        Assert.Equal(Parse(due), deadline.DueAt);
        Assert.Equal(DeadlineStep.Reminder, deadline.NextStep);
        Assert.Equal(Parse(reminder), deadline.NextStepAt);
        Assert.Equal(Parse(reminder), harness.Timers[DeadlineKinds.Acknowledge].DueAt);
    }

    [Fact]
    public void Second_escalation_comes_two_working_days_after_the_deadline_skipping_the_holiday()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());

        harness.AdvanceTo(Parse("2026-11-09T09:00:00+01:00"));

        var deadline = harness.Current.FindDeadline(DeadlineKinds.Acknowledge)!;
        Assert.Equal(DeadlineState.Escalated, deadline.State);
        Assert.Equal(DeadlineStep.SecondEscalation, deadline.NextStep);
        Assert.Equal(Parse("2026-11-12T09:00:00+01:00"), deadline.NextStepAt);
    }

    [Fact]
    public void Pre_return_reminders_are_7_and_1_days_before_the_return_date_at_10_Belgrade()
    {
        var harness = new ReferralWorkflowHarness(Start);

        harness.Accept(Submit());

        Assert.Equal(Parse("2026-12-03T10:00:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder7].DueAt);
        Assert.Equal(Parse("2026-12-09T10:00:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder1].DueAt);
    }

    [Fact]
    public void Pre_return_reminders_keep_10_Belgrade_across_the_spring_clock_change()
    {
        var harness = new ReferralWorkflowHarness(Start);

        harness.Accept(Submit(expectedReturnDate: new DateOnly(2027, 4, 2)));

        Assert.Equal(new DateTimeOffset(2027, 3, 26, 10, 0, 0, Cet), harness.Timers[DeadlineKinds.PreReturnReminder7].DueAt);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 10, 0, 0, Cest), harness.Timers[DeadlineKinds.PreReturnReminder1].DueAt);
    }

    [Fact]
    public void Pre_return_reminder_whose_time_has_passed_at_submission_is_not_scheduled()
    {
        var harness = new ReferralWorkflowHarness(Start);

        harness.Accept(Submit(expectedReturnDate: new DateOnly(2026, 11, 6)));

        Assert.Null(harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7));
        Assert.False(harness.Timers.ContainsKey(DeadlineKinds.PreReturnReminder7));
        Assert.Equal(Parse("2026-11-05T10:00:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder1].DueAt);
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-15T09:00:00+01:00")]
    // 1 and 2 January are holidays: Mon 4, Tue 5, Wed 6 January.
    [InlineData("2026-12-31", "2027-01-06T09:00:00+01:00")]
    // A Sunday return counts from Monday: Tue, Wed, Thu.
    [InlineData("2026-12-20", "2026-12-24T09:00:00+01:00")]
    public void Arrival_confirmation_is_due_3_working_days_after_the_expected_return_date(string returnDate, string due)
    {
        var harness = new ReferralWorkflowHarness(Start);

        harness.Accept(Submit(expectedReturnDate: DateOnly.Parse(returnDate, System.Globalization.CultureInfo.InvariantCulture)));

        var deadline = harness.Current.FindDeadline(DeadlineKinds.ArrivalConfirmation)!;
        Assert.Equal(Parse(due), deadline.DueAt);
        Assert.Equal(DeadlineState.Pending, deadline.State);
        Assert.Equal(Parse(due), harness.Timers[DeadlineKinds.ArrivalConfirmation].DueAt);
    }

    [Fact]
    public void Arrival_schedules_first_contact_and_follow_ups_on_working_days()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        harness.AdvanceTo(Parse("2026-12-10T14:00:00+01:00"));

        harness.Accept(new RecordArrival(ReturnDate, Advisor));

        var state = harness.Current;
        var firstContact = state.FindDeadline(DeadlineKinds.FirstContact)!;
        Assert.Equal(Parse("2026-12-17T09:00:00+01:00"), firstContact.DueAt);
        Assert.Equal(Parse("2026-12-15T09:00:00+01:00"), firstContact.NextStepAt);
        // 30 days after 10 December is Saturday 9 January: due Monday 11 January.
        Assert.Equal(Parse("2027-01-11T09:00:00+01:00"), state.FindDeadline(DeadlineKinds.FollowUp1)!.DueAt);
        Assert.Equal(Parse("2027-03-10T09:00:00+01:00"), state.FindDeadline(DeadlineKinds.FollowUp2)!.DueAt);
        Assert.Equal(Parse("2027-06-08T09:00:00+02:00"), state.FindDeadline(DeadlineKinds.FollowUp3)!.DueAt);
        Assert.Equal(DeadlineState.Met, state.FindDeadline(DeadlineKinds.ArrivalConfirmation)!.State);
        Assert.Equal(
            [DeadlineKinds.FirstContact, DeadlineKinds.FollowUp1, DeadlineKinds.FollowUp2, DeadlineKinds.FollowUp3],
            harness.Timers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Policy_overrides_change_every_computed_deadline()
    {
        var policy = new ReferralPolicy
        {
            NormalAcknowledgeWorkingDays = 2,
            AcknowledgeReminderFraction = 0.25,
            EarlyPreReturnReminderDaysBefore = 10,
            LatePreReturnReminderDaysBefore = 2,
            PreReturnReminderLocalTime = new TimeOnly(12, 30),
            ArrivalConfirmationWorkingDays = 1,
            DayDeadlineLocalTime = new TimeOnly(8, 0),
        };
        var harness = new ReferralWorkflowHarness(Start, policy);

        harness.Accept(Submit());

        var acknowledge = harness.Current.FindDeadline(DeadlineKinds.Acknowledge)!;
        Assert.Equal(Parse("2026-11-04T09:00:00+01:00"), acknowledge.DueAt);
        Assert.Equal(Parse("2026-11-02T21:00:00+01:00"), acknowledge.NextStepAt);
        Assert.Equal(Parse("2026-11-30T12:30:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder7].DueAt);
        Assert.Equal(Parse("2026-12-08T12:30:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder1].DueAt);
        Assert.Equal(Parse("2026-12-11T08:00:00+01:00"), harness.Timers[DeadlineKinds.ArrivalConfirmation].DueAt);
    }

    [Fact]
    public void Moving_the_return_date_closer_cancels_a_reminder_whose_time_has_passed_and_moves_the_rest()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.AdvanceTo(Parse("2026-11-20T12:00:00+01:00"));

        var step = harness.Accept(new ChangeReturnDate(new DateOnly(2026, 11, 25), Scout));

        Assert.Equal(DeadlineState.Cancelled, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.False(harness.Timers.ContainsKey(DeadlineKinds.PreReturnReminder7));
        Assert.Equal(Parse("2026-11-24T10:00:00+01:00"), harness.Timers[DeadlineKinds.PreReturnReminder1].DueAt);
        Assert.Equal(Parse("2026-11-30T09:00:00+01:00"), harness.Timers[DeadlineKinds.ArrivalConfirmation].DueAt);
        var changed = Assert.Single(step.Events);
        Assert.Equal(ReferralEventTypes.ReturnDateChanged, changed.Type);
        Assert.Equal("2026-12-10", changed.Detail!["from"]);
        Assert.Equal("2026-11-25", changed.Detail["to"]);
    }

    [Fact]
    public void Decider_exposes_the_acknowledge_deadline_for_the_submit_response()
    {
        var decider = Decider();

        Assert.Equal(Start.AddHours(24), decider.AcknowledgeDueAt(Priority.Emergency, Start));
        Assert.Equal(Parse("2026-11-09T09:00:00+01:00"), decider.AcknowledgeDueAt(Priority.Normal, Start));
    }

    private static DateTimeOffset Parse(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
