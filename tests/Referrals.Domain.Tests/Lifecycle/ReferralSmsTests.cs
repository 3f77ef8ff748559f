using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Workflow;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>SMS consent, opt-out and opt-in, and the feedback SMS and email handlers report.</summary>
public sealed class ReferralSmsTests
{
    [Fact]
    public void Opt_out_confirms_once_and_stops_every_later_SMS()
    {
        var harness = Submitted();

        var step = harness.Accept(new OptOutOfSms("STOP"));
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        harness.AdvanceTo(At("2026-12-10T12:00:00+01:00"));
        harness.Accept(new RecordArrival(ReturnDate, Advisor));
        harness.Accept(new RequestSmsHelp());

        Assert.Equal(SmsKind.OptOutConfirmation, Assert.Single(step.Sms).Kind);
        Assert.Equal([SmsKind.SubmissionConfirmation, SmsKind.OptOutConfirmation], harness.Sms.Select(s => s.Kind));
        Assert.Equal(DeadlineState.Cancelled, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.Equal(DeadlineState.Cancelled, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder1)!.State);
        var optedOut = Assert.Single(step.Events);
        Assert.Equal((ReferralEventTypes.OptedOut, Actor.Returnee, "STOP"), (optedOut.Type, optedOut.Actor, optedOut.Detail!["keyword"]));
        Assert.True(harness.Projections.Last().SmsOptedOut);
        Assert.False(harness.Current.MaySendSms());
    }

    [Fact]
    public void Opt_out_twice_changes_nothing()
    {
        var harness = Submitted();
        harness.Accept(new OptOutOfSms("STOP"));

        Assert.True(harness.Execute(new OptOutOfSms("STOPALL")).IsNoOp(harness.Current));
    }

    [Fact]
    public void Opt_in_restores_only_the_reminders_still_ahead_and_confirms()
    {
        var harness = Submitted();
        harness.Accept(new OptOutOfSms("STOP"));
        harness.AdvanceTo(At("2026-12-05T12:00:00+01:00"));

        var step = harness.Accept(new OptInToSms("START"));
        harness.AdvanceTo(At("2026-12-09T12:00:00+01:00"));

        Assert.Equal(SmsKind.OptInConfirmation, Assert.Single(step.Sms).Kind);
        Assert.Equal(DeadlineState.Cancelled, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.Equal(DeadlineState.Met, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder1)!.State);
        Assert.DoesNotContain(harness.Sms, s => s.Kind == SmsKind.PreReturnReminder7);
        Assert.Single(harness.Sms, s => s.Kind == SmsKind.PreReturnReminder1);
        Assert.Null(harness.Current.SmsOptedOutAt);
    }

    [Fact]
    public void Opt_in_without_an_opt_out_changes_nothing()
    {
        var harness = Submitted();

        Assert.True(harness.Execute(new OptInToSms("START")).IsNoOp(harness.Current));
    }

    [Fact]
    public void Opt_out_of_a_closed_referral_is_recorded_without_a_confirmation()
    {
        var harness = ReferralStages.In(ReferralStages.Closed);

        var step = harness.Accept(new OptOutOfSms("STOP"));

        Assert.NotNull(step.State.SmsOptedOutAt);
        Assert.Empty(step.Sms);
    }

    [Fact]
    public void Without_SMS_consent_no_SMS_is_ever_sent_and_no_pre_return_reminder_exists()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit(smsConsent: false));
        harness.Accept(new AcknowledgeReferral(null, Advisor));
        harness.AdvanceTo(At("2026-12-10T12:00:00+01:00"));
        harness.Accept(new RecordArrival(ReturnDate, Advisor));
        var help = harness.Accept(new RequestSmsHelp());
        harness.Accept(new OptOutOfSms("STOP"));
        harness.Accept(new OptInToSms("START"));

        Assert.Empty(harness.Sms);
        Assert.Null(harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7));
        Assert.Equal("false", Assert.Single(help.Events).Detail!["replied"]);
    }

    [Fact]
    public void Help_gets_a_reply_while_SMS_are_allowed()
    {
        var harness = Submitted();

        var step = harness.Accept(new RequestSmsHelp());

        Assert.Equal(SmsKind.HelpReply, Assert.Single(step.Sms).Kind);
        Assert.Equal(ReferralEventTypes.HelpRequested, Assert.Single(step.Events).Type);
        // The list rows do not change; the report counts the queued reply.
        Assert.True(Assert.Single(step.Effects, e => e.Type == ReferralEffects.UpdateProjection)
            .PayloadAs<ReferralProjection>().ReportOnly);
    }

    [Fact]
    public void No_SMS_once_withdrawn_even_for_help()
    {
        var harness = ReferralStages.In(ReferralStages.Withdrawn);

        var step = harness.Accept(new RequestSmsHelp());

        Assert.Empty(step.Sms);
    }

    [Fact]
    public void Provider_feedback_walks_a_message_forward_and_never_back()
    {
        var harness = Submitted();
        const string id = "sms-submissionConfirmation-1";

        harness.Accept(new SmsHeld(id, At("2026-11-03T08:00:00+01:00")));
        Assert.Equal((MessageStatus.Held, At("2026-11-03T08:00:00+01:00")), Status(harness, id));
        harness.Accept(new SmsAccepted(id, "SM0001", SmsEncoding.Ucs2, 2));
        harness.Accept(new SmsStatusChanged(null, "SM0001", MessageStatus.Sent, null));
        var delivered = harness.Accept(new SmsStatusChanged(null, "SM0001", MessageStatus.Delivered, null));
        var late = harness.Execute(new SmsStatusChanged(null, "SM0001", MessageStatus.Sent, null));
        var again = harness.Execute(new SmsAccepted(id, "SM0001", SmsEncoding.Ucs2, 2));

        var message = harness.Current.FindMessage(id)!;
        Assert.Equal((MessageStatus.Delivered, "SM0001", SmsEncoding.Ucs2, 2), (message.Status, message.ProviderSid, message.Encoding, message.Segments));
        Assert.Null(message.HeldUntil);
        Assert.Equal(ReferralEventTypes.SmsStatusChanged, Assert.Single(delivered.Events).Type);
        Assert.True(late.IsNoOp(harness.Current));
        Assert.True(again.IsNoOp(harness.Current));
        Assert.Single(harness.Timeline, t => t.Event.Type == ReferralEventTypes.SmsStatusChanged);
    }

    [Fact]
    public void Error_21610_marks_the_returnee_opted_out_without_a_confirmation()
    {
        var harness = Submitted();

        var step = harness.Accept(new SmsStatusChanged("sms-submissionConfirmation-1", null, MessageStatus.Failed, 21610));

        Assert.NotNull(step.State.SmsOptedOutAt);
        Assert.Empty(step.Sms);
        Assert.Equal(MessageStatus.Failed, step.State.FindMessage("sms-submissionConfirmation-1")!.Status);
        Assert.Equal([ReferralEventTypes.SmsStatusChanged, ReferralEventTypes.OptedOut], step.Events.Select(e => e.Type));
        Assert.Equal("provider", step.Events[1].Detail!["source"]);
        Assert.DoesNotContain(DeadlineKinds.PreReturnReminder7, harness.Timers.Keys);
    }

    [Theory]
    [InlineData(30003)]
    [InlineData(30004)]
    [InlineData(30005)]
    [InlineData(30006)]
    [InlineData(30007)]
    [InlineData(30008)]
    public void Unreachable_errors_mark_the_SMS_undelivered_and_tell_the_advisor_and_the_scout(int errorCode)
    {
        var harness = Submitted();
        harness.Accept(new SmsAccepted("sms-submissionConfirmation-1", "SM0002", SmsEncoding.Gsm7, 1));

        var step = harness.Accept(new SmsStatusChanged(null, "SM0002", MessageStatus.Failed, errorCode));

        var message = step.State.FindMessage("sms-submissionConfirmation-1")!;
        Assert.Equal((MessageStatus.Undelivered, errorCode), (message.Status, message.ErrorCode));
        Assert.Equal([MessageRecipient.MscInbox, MessageRecipient.Scout],
            step.Emails.Where(e => e.Kind == EmailKind.UndeliveredSms).Select(e => e.Recipient));
        Assert.All(step.Emails, e => Assert.Equal("submissionConfirmation", e.Values[TemplateValues.SmsKind]));
        Assert.Null(step.State.SmsOptedOutAt);
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21614)]
    public void Invalid_number_fails_the_SMS_tells_the_scout_and_holds_SMS_until_the_phone_changes(int errorCode)
    {
        var harness = Submitted();

        var step = harness.Accept(new SmsStatusChanged("sms-submissionConfirmation-1", null, MessageStatus.Failed, errorCode));
        harness.AdvanceTo(At("2026-12-03T12:00:00+01:00"));
        harness.Accept(new ChangePhone(SerbianPhone, Scout));
        harness.AdvanceTo(At("2026-12-09T12:00:00+01:00"));

        Assert.Equal(MessageStatus.Failed, step.State.FindMessage("sms-submissionConfirmation-1")!.Status);
        var email = Assert.Single(step.Emails);
        Assert.Equal((EmailKind.InvalidNumber, MessageRecipient.Scout), (email.Kind, email.Recipient));
        Assert.Equal(DeadlineState.Cancelled, harness.Current.FindDeadline(DeadlineKinds.PreReturnReminder7)!.State);
        Assert.Contains(harness.Timeline, t => t.Event.Type == ReferralEventTypes.ReminderSkipped && t.Event.Detail!["reason"] == "invalidNumber");
        var reminder = Assert.Single(harness.Sms, s => s.Kind == SmsKind.PreReturnReminder1);
        Assert.Equal(SerbianPhone, reminder.Phone);
        Assert.Null(harness.Current.PhoneInvalidAt);
    }

    [Fact]
    public void Undelivered_SMS_of_a_closed_referral_is_recorded_without_emails()
    {
        var harness = Submitted();
        harness.Accept(new CloseReferral("completed", null, Advisor));

        var step = harness.Accept(new SmsStatusChanged("sms-submissionConfirmation-1", null, MessageStatus.Undelivered, 30003));

        Assert.Equal(MessageStatus.Undelivered, step.State.FindMessage("sms-submissionConfirmation-1")!.Status);
        Assert.Empty(step.Emails);
    }

    public static TheoryData<ReferralCommand, string> InvalidFeedback() => new()
    {
        { new SmsStatusChanged(null, null, MessageStatus.Delivered, null), "messageId or providerSid is required." },
        { new SmsStatusChanged(null, "SM-unknown", MessageStatus.Delivered, null), "The referral has no SMS with that messageId or providerSid." },
        { new SmsStatusChanged("sms-submissionConfirmation-1", null, MessageStatus.Held, null), "status held is not a provider status." },
        { new SmsAccepted("sms-nope-1", "SM1", SmsEncoding.Gsm7, 1), "The referral has no SMS with id sms-nope-1." },
        { new SmsAccepted("sms-submissionConfirmation-1", "SM1", SmsEncoding.Gsm7, 0), "segments must be at least 1." },
        { new SmsHeld("email-newReferral-mscInbox-1", Start), "The referral has no SMS with id email-newReferral-mscInbox-1." },
        { new EmailSent("sms-submissionConfirmation-1"), "The referral has no email with id sms-submissionConfirmation-1." },
        { new EffectParked("", "boom"), "effectId is required." },
        { new OptOutOfSms(""), "keyword is required." },
    };

    [Theory]
    [MemberData(nameof(InvalidFeedback))]
    public void Feedback_that_names_nothing_on_the_referral_is_invalid(ReferralCommand command, string reason)
    {
        var harness = Submitted();

        var decision = harness.Execute(command);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Equal(reason, decision.Rejection!.Reason);
    }

    [Fact]
    public void Email_sent_is_recorded_once()
    {
        var harness = Submitted();

        var step = harness.Accept(new EmailSent("email-newReferral-mscInbox-1"));
        var again = harness.Execute(new EmailSent("email-newReferral-mscInbox-1"));

        Assert.Equal(MessageStatus.Sent, step.State.FindMessage("email-newReferral-mscInbox-1")!.Status);
        Assert.Empty(step.Events);
        Assert.True(again.IsNoOp(harness.Current));
    }

    [Fact]
    public void Parked_effect_shows_on_the_referral_until_a_retry_succeeds()
    {
        var harness = Submitted();

        var parked = harness.Accept(new EffectParked("email-newReferral-mscInbox-1", "SMTP 550 mailbox unavailable"));
        var afterParking = harness.Current;
        var twice = harness.Execute(new EffectParked("email-newReferral-mscInbox-1", "SMTP 550 mailbox unavailable"));
        Assert.Equal(1, harness.Projections.Last().ParkedEffects);
        var retried = harness.Accept(new EmailSent("email-newReferral-mscInbox-1"));

        Assert.Equal(MessageStatus.Parked, parked.State.FindMessage("email-newReferral-mscInbox-1")!.Status);
        var parkedEvent = Assert.Single(parked.Events);
        Assert.Equal((ReferralEventTypes.EffectParked, "SMTP 550 mailbox unavailable"), (parkedEvent.Type, parkedEvent.Detail!["reason"]));
        Assert.True(twice.IsNoOp(afterParking));
        Assert.Empty(retried.State.ParkedEffects);
        Assert.Equal(MessageStatus.Sent, retried.State.FindMessage("email-newReferral-mscInbox-1")!.Status);
        Assert.Equal(0, harness.Projections.Last().ParkedEffects);
    }

    private static (MessageStatus, DateTimeOffset?) Status(ReferralWorkflowHarness harness, string id)
    {
        var message = harness.Current.FindMessage(id)!;
        return (message.Status, message.HeldUntil);
    }

    private static ReferralWorkflowHarness Submitted()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        return harness;
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
