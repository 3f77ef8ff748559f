using Referrals.Contracts;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Lifecycle.ReferralTestData;

namespace Referrals.Domain.Tests.Lifecycle;

public sealed class ReferralViewTests
{
    [Theory]
    [InlineData("+4915112345678", "+49151•••••678")]
    [InlineData("+381115550123", "+38111••••123")]
    [InlineData("+12345678", "•••••••••")]
    public void Phone_is_masked_keeping_the_prefix_and_the_last_three_digits(string phone, string masked) =>
        Assert.Equal(masked, ReferralView.MaskPhone(phone));

    [Fact]
    public void Deadlines_are_listed_earliest_first_and_a_passed_pending_one_shows_overdue()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        var afterDue = new DateTimeOffset(2026, 11, 9, 10, 0, 0, Cet);

        var deadlines = ReferralView.Deadlines(harness.Current, afterDue);

        Assert.Equal(
            [
                new DeadlineView(DeadlineKinds.Acknowledge, new DateTimeOffset(2026, 11, 9, 9, 0, 0, Cet), DeadlineState.Overdue),
                new DeadlineView(DeadlineKinds.PreReturnReminder7, new DateTimeOffset(2026, 12, 3, 10, 0, 0, Cet), DeadlineState.Pending),
                new DeadlineView(DeadlineKinds.PreReturnReminder1, new DateTimeOffset(2026, 12, 9, 10, 0, 0, Cet), DeadlineState.Pending),
                new DeadlineView(DeadlineKinds.ArrivalConfirmation, new DateTimeOffset(2026, 12, 15, 9, 0, 0, Cet), DeadlineState.Pending),
            ],
            deadlines);
        Assert.Equal(deadlines[0], ReferralView.NextDeadline(harness.Current, afterDue));
        Assert.Equal(DeadlineState.Pending, ReferralView.NextDeadline(harness.Current, Start)!.State);
    }

    [Fact]
    public void Next_deadline_skips_met_ones_and_is_empty_once_the_referral_is_final()
    {
        var harness = ReferralStages.In(ReferralStages.Acknowledged);

        Assert.Equal(DeadlineKinds.PreReturnReminder7, ReferralView.NextDeadline(harness.Current, harness.Now)!.Kind);

        harness.Accept(new WithdrawReferral("Return cancelled.", Scout));
        Assert.Null(ReferralView.NextDeadline(harness.Current, harness.Now));
    }

    [Fact]
    public void Messages_show_SMS_recipients_masked_and_emails_by_role()
    {
        var harness = new ReferralWorkflowHarness(Start);
        harness.Accept(Submit());
        harness.Accept(new SmsAccepted("sms-submissionConfirmation-1", "SM0001", SmsEncoding.Gsm7, 1));

        var messages = ReferralView.Messages(harness.Current);

        Assert.Equal(
            [
                new MessageView("sms-submissionConfirmation-1", MessageChannel.Sms, "submissionConfirmation", "+49305•••123",
                    MessageStatus.Queued, SmsEncoding.Gsm7, 1, Start),
                new MessageView("email-newReferral-mscInbox-1", MessageChannel.Email, "newReferral", "mscInbox",
                    MessageStatus.Queued, null, null, Start),
            ],
            messages);
    }
}
