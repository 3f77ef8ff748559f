using Referrals.Contracts;
using Referrals.Web.Services;

namespace Referrals.WebApp.Units.Tests;

public sealed class ReferralFactsTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static ReferralResponse Referral(ReferralStatus status, IReadOnlyList<TimelineEntryResponse> timeline,
        IReadOnlyList<DeadlineResponse> deadlines) => new(
        "r1", status, new MscRef("nis", "MSC Niš"),
        new ReturneeResponse("Test", "Person", new DateOnly(1980, 1, 1), Gender.Other, "+49151•••••000", null, "sr-Latn"),
        new Household(1, 0), new DateOnly(2026, 12, 20), "BEG", "nis", "Niš", [Need.Employment], [], Priority.Normal,
        new Consent(true, true, Submitted, ConsentMethod.SignedForm, "2026-1"), null, new Referrer("s", "o"), Submitted,
        Submitted.AddDays(5), false, timeline, deadlines, [], null);

    private static TimelineEntryResponse Entry(string type, DateTimeOffset at, string? arrivedOn = null) =>
        new(at, type, "advisor-1", arrivedOn is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["arrivedOn"] = arrivedOn });

    [Fact]
    public void The_next_deadline_is_the_earliest_open_one_and_a_passed_pending_one_shows_as_overdue()
    {
        var referral = Referral(ReferralStatus.AwaitingAcknowledgement, [Entry("submitted", Submitted)],
        [
            new DeadlineResponse("preReturnReminder", Submitted.AddDays(20), DeadlineState.Pending),
            new DeadlineResponse("acknowledge", Submitted.AddDays(5), DeadlineState.Pending),
        ]);

        var facts = ReferralFacts.Of(referral, Submitted.AddDays(6));

        Assert.True(facts.IsOpen);
        Assert.True(facts.IsBeforeArrival);
        Assert.Equal("acknowledge", facts.NextDeadline!.Kind);
        Assert.Equal(DeadlineState.Overdue, facts.NextDeadline.State);
    }

    [Fact]
    public void Acknowledgement_arrival_and_follow_ups_come_from_the_timeline()
    {
        var referral = Referral(ReferralStatus.InSupport,
        [
            Entry("submitted", Submitted),
            Entry("acknowledged", Submitted.AddDays(6)),
            Entry("arrived", Submitted.AddDays(30), "2026-12-19"),
            Entry("firstContactMade", Submitted.AddDays(31)),
            Entry("followUpRecorded", Submitted.AddDays(60)),
        ],
        [new DeadlineResponse("acknowledge", Submitted.AddDays(5), DeadlineState.Overdue)]);

        var facts = ReferralFacts.Of(referral, Submitted.AddDays(61));

        Assert.Equal(Submitted.AddDays(6), facts.AcknowledgedAt);
        Assert.True(facts.AcknowledgedLate);
        Assert.Equal(new DateOnly(2026, 12, 19), facts.ArrivedOn);
        Assert.Equal(2, facts.NextFollowUp);
        Assert.False(facts.IsBeforeArrival);
    }

    [Fact]
    public void A_closed_case_has_no_next_deadline()
    {
        var referral = Referral(ReferralStatus.Closed, [Entry("closed", Submitted)],
            [new DeadlineResponse("followUp1", Submitted.AddDays(5), DeadlineState.Pending)]);

        Assert.Null(ReferralFacts.Of(referral, Submitted).NextDeadline);
        Assert.False(ReferralFacts.Of(referral, Submitted).IsOpen);
    }
}
