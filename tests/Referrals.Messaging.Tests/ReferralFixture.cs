using Referrals.Messaging.Email;
using Referrals.Messaging.Models;

namespace Referrals.Messaging.Tests;

/// <summary>
/// A referral-like record holding the personal data a real referral has, so tests can show staff email is built from
/// it without any of that data getting through.
/// </summary>
internal sealed record ReferralFixture(
    string Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Phone, string Notes,
    string Municipality, string Priority, DateOnly ExpectedReturnDate)
{
    public static ReferralFixture Sample { get; } = new(
        "ref-2026-0001", "Marko", "Jovanović", new DateOnly(1988, 4, 12), "+4915112345678",
        "Returning with three children; prefers a morning appointment.", "Niš", "urgent", new DateOnly(2026, 12, 10));

    /// <summary>The only mapping from a referral to email content: what the lead's effect handler will do.</summary>
    public ReferralSummary Summary() =>
        new(Id, Initials.Of(GivenName, FamilyName), Municipality, Priority, ExpectedReturnDate);

    public static EmailRecipient MscInbox { get; } = new("msc-nis@nes.example", "MSC Niš");

    public static EmailRecipient MscHead { get; } = new("head-nis@nes.example");

    public static EmailRecipient Coordinator { get; } = new("coordinator@kirs.example", "Koordinator");

    public static EmailRecipient Scout { get; } = new("scout@help-abroad.example");

    public static DateTimeOffset AcknowledgeBy { get; } = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>16:00 in Belgrade, like the lifecycle's day deadlines.</summary>
    public static DateTimeOffset RouteBy { get; } = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset ConfirmArrivalBy { get; } = new(2026, 12, 15, 15, 0, 0, TimeSpan.Zero);

    public static DateOnly ArrivedOn { get; } = new(2026, 12, 11);

    public static DateTimeOffset FirstContactBy { get; } = new(2026, 12, 16, 15, 0, 0, TimeSpan.Zero);

    public const string RejectingMsc = "Migracioni servisni centar NSZ Leskovac";

    /// <summary>One email of every kind about this referral, addressed as the workflow addresses them.</summary>
    public IEnumerable<StaffEmail> EveryStaffEmail()
    {
        const string msc = "Migracioni servisni centar NSZ Niš";
        var summary = Summary();
        yield return new AcknowledgeDeadlineEmail(AcknowledgeStage.NewReferral, [MscInbox], summary, msc, AcknowledgeBy);
        yield return new AcknowledgeDeadlineEmail(AcknowledgeStage.Reminder, [MscInbox], summary, msc, AcknowledgeBy);
        yield return new AcknowledgeDeadlineEmail(AcknowledgeStage.Escalation, [MscHead], summary, msc, AcknowledgeBy) { Cc = [Coordinator] };
        yield return new AcknowledgeDeadlineEmail(AcknowledgeStage.SecondEscalation, [MscHead], summary, msc, AcknowledgeBy) { Cc = [Coordinator] };
        yield return new RejectionNoticeEmail([Scout], summary, msc, "outOfArea");
        yield return new ReferralNoticeEmail(ReferralNotice.Withdrawn, [MscInbox], summary, msc);
        yield return new ReferralNoticeEmail(ReferralNotice.SmsUndelivered, [Scout], summary, msc);
        yield return new ReferralNoticeEmail(ReferralNotice.InvalidNumber, [Scout], summary, msc);
        yield return new DailyDigestEmail([MscInbox], msc, new DateOnly(2026, 11, 23),
            [new DigestEntry(Id, summary.Initials, Municipality, "acknowledge", AcknowledgeBy)],
            [new DigestEntry("ref-2026-0002", "A. B.", "Aleksinac", "followUp1", AcknowledgeBy.AddHours(6))]);
        yield return new RoutingRequestEmail(RoutingStage.Request, [Coordinator], summary, RouteBy) { RejectedByMscName = RejectingMsc };
        yield return new ArrivalConfirmationReminderEmail([MscInbox], summary, msc, ConfirmArrivalBy);
        yield return new FirstContactDeadlineEmail(FirstContactStage.Reminder, [MscInbox], summary, msc, ArrivedOn, FirstContactBy);
        yield return new FirstContactDeadlineEmail(FirstContactStage.Escalation, [MscHead], summary, msc, ArrivedOn, FirstContactBy)
        {
            Cc = [Coordinator],
        };
    }

    /// <summary>Every kind, plus the variants a kind's model offers beyond its first (for checks over all wording).</summary>
    public IEnumerable<StaffEmail> EveryStaffEmailVariant() =>
        EveryStaffEmail().Append(new RoutingRequestEmail(RoutingStage.Overdue, [Coordinator], Summary(), RouteBy));
}
