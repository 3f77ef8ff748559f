using Referrals.Messaging.Email;
using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Models;

/// <summary>
/// What a staff email may say about a referral. There is deliberately no field for a name, phone number, date of
/// birth or note: staff open the link to see more, behind their sign-in and the audit trail.
/// </summary>
public sealed record ReferralSummary(string ReferralId, string Initials, string Municipality, string Priority, DateOnly ExpectedReturnDate)
{
    public string ReferralId { get; } = !string.IsNullOrWhiteSpace(ReferralId) ? ReferralId : throw new ArgumentException("'ReferralId' is required.", nameof(ReferralId));

    public string Initials { get; } = Models.Initials.Require(Initials, nameof(Initials));
}

/// <summary>An email to staff; the composer renders it in a language and addresses it.</summary>
public abstract record StaffEmail(IReadOnlyList<EmailRecipient> To)
{
    public IReadOnlyList<EmailRecipient> Cc { get; init; } = [];

    public abstract string Kind { get; }

    internal abstract TemplateValues Values(StaffEmailContext context);

    private protected static Dictionary<string, string> Describe(ReferralSummary referral, string mscName, StaffEmailContext context)
    {
        var values = Describe(referral, context);
        values[Placeholders.MscName] = mscName;
        return values;
    }

    /// <summary>The summary without a centre, for a referral that has none.</summary>
    private protected static Dictionary<string, string> Describe(ReferralSummary referral, StaffEmailContext context) =>
        new(StringComparer.Ordinal)
        {
            [Placeholders.ReferralLink] = context.Link(referral.ReferralId),
            [Placeholders.Initials] = referral.Initials,
            [Placeholders.Municipality] = referral.Municipality,
            [Placeholders.Priority] = context.Code("priority", referral.Priority, nameof(ReferralSummary.Priority)),
            [Placeholders.ExpectedReturnDate] = context.Date(referral.ExpectedReturnDate),
        };
}

/// <summary>Where a referral stands against its acknowledgement deadline, which decides the email kind.</summary>
public enum AcknowledgeStage
{
    /// <summary>To the MSC inbox when the referral arrives.</summary>
    NewReferral,

    /// <summary>To the MSC inbox at half time.</summary>
    Reminder,

    /// <summary>To the MSC head, the coordinator in copy, at the deadline.</summary>
    Escalation,

    /// <summary>Still open two working days after the deadline.</summary>
    SecondEscalation,
}

/// <summary>The new-referral, reminder and escalation emails, all about the acknowledgement deadline.</summary>
public sealed record AcknowledgeDeadlineEmail(
    AcknowledgeStage Stage, IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, string MscName, DateTimeOffset AcknowledgeBy)
    : StaffEmail(To)
{
    public override string Kind => Stage switch
    {
        AcknowledgeStage.NewReferral => EmailKinds.NewReferral,
        AcknowledgeStage.Reminder => EmailKinds.AcknowledgeReminder,
        AcknowledgeStage.Escalation => EmailKinds.Escalation,
        AcknowledgeStage.SecondEscalation => EmailKinds.SecondEscalation,
        _ => throw new ArgumentOutOfRangeException(nameof(Stage), Stage, "Unknown stage."),
    };

    internal override TemplateValues Values(StaffEmailContext context)
    {
        var values = Describe(Referral, MscName, context);
        values[Placeholders.AcknowledgeBy] = context.DateTime(AcknowledgeBy);
        return TemplateValues.Of(values);
    }
}

/// <summary>Why the coordinator is asked to route a referral, which decides the wording.</summary>
public enum RoutingStage
{
    /// <summary>The referral has just lost (or never had) a centre: assign one by the routing deadline.</summary>
    Request,

    /// <summary>The routing deadline passed and the referral still has no centre.</summary>
    Overdue,
}

/// <summary>
/// To the coordinator: the referral has no centre (rejected as out of area without a suggestion, or never routed)
/// and must be assigned one by <paramref name="RouteBy"/>.
/// </summary>
public sealed record RoutingRequestEmail(RoutingStage Stage, IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, DateTimeOffset RouteBy)
    : StaffEmail(To)
{
    /// <summary>The centre that rejected the referral as outside its area, when that is why it has none.</summary>
    public string? RejectedByMscName { get; init; }

    public override string Kind => EmailKinds.RoutingRequest;

    internal override TemplateValues Values(StaffEmailContext context)
    {
        var values = Describe(Referral, context);
        values[Placeholders.DueAt] = context.DateTime(RouteBy);
        if (!string.IsNullOrWhiteSpace(RejectedByMscName))
        {
            values[Placeholders.RejectedBy] = RejectedByMscName;
        }

        switch (Stage)
        {
            case RoutingStage.Request:
                break;
            case RoutingStage.Overdue:
                // The templates switch to the "deadline passed" wording on this value.
                values[Placeholders.OverdueSince] = context.DateTime(RouteBy);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Stage), Stage, "Unknown stage.");
        }

        return TemplateValues.Of(values);
    }
}

/// <summary>
/// To the MSC inbox: the expected return date has passed and no arrival is recorded by the arrival-confirmation
/// deadline <paramref name="ConfirmArrivalBy"/>; confirm the arrival or ask the scout for the new date.
/// </summary>
public sealed record ArrivalConfirmationReminderEmail(
    IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, string MscName, DateTimeOffset ConfirmArrivalBy)
    : StaffEmail(To)
{
    public override string Kind => EmailKinds.ArrivalConfirmationReminder;

    internal override TemplateValues Values(StaffEmailContext context)
    {
        var values = Describe(Referral, MscName, context);
        values[Placeholders.DueAt] = context.DateTime(ConfirmArrivalBy);
        return TemplateValues.Of(values);
    }
}

/// <summary>Where a referral stands against its first-contact deadline, which decides the email kind.</summary>
public enum FirstContactStage
{
    /// <summary>To the MSC inbox before the deadline.</summary>
    Reminder,

    /// <summary>To the MSC head, the coordinator in copy, when the deadline is missed.</summary>
    Escalation,
}

/// <summary>The reminder and escalation about the first contact after arrival, due by <paramref name="FirstContactBy"/>.</summary>
public sealed record FirstContactDeadlineEmail(
    FirstContactStage Stage, IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, string MscName, DateOnly ArrivedOn,
    DateTimeOffset FirstContactBy)
    : StaffEmail(To)
{
    public override string Kind => Stage switch
    {
        FirstContactStage.Reminder => EmailKinds.FirstContactReminder,
        FirstContactStage.Escalation => EmailKinds.FirstContactEscalation,
        _ => throw new ArgumentOutOfRangeException(nameof(Stage), Stage, "Unknown stage."),
    };

    internal override TemplateValues Values(StaffEmailContext context)
    {
        var values = Describe(Referral, MscName, context);
        values[Placeholders.ArrivedOn] = context.Date(ArrivedOn);
        values[Placeholders.DueAt] = context.DateTime(FirstContactBy);
        return TemplateValues.Of(values);
    }
}

/// <summary>To the scout: the MSC rejected the referral; <paramref name="Reason"/> is outOfArea, duplicate or other.</summary>
public sealed record RejectionNoticeEmail(IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, string MscName, string Reason)
    : StaffEmail(To)
{
    public override string Kind => EmailKinds.RejectionNotice;

    internal override TemplateValues Values(StaffEmailContext context)
    {
        var values = Describe(Referral, MscName, context);
        values[Placeholders.Reason] = context.Code("rejectionReason", Reason, nameof(Reason));
        return TemplateValues.Of(values);
    }
}

/// <summary>Notices that carry only the referral summary.</summary>
public enum ReferralNotice
{
    /// <summary>To the MSC: the scout withdrew the referral.</summary>
    Withdrawn,

    /// <summary>To the scout: an SMS to the returnee was not delivered.</summary>
    SmsUndelivered,

    /// <summary>To the scout: the returnee's number is not a valid mobile number.</summary>
    InvalidNumber,
}

/// <summary>A withdrawal, undelivered-SMS or invalid-number notice.</summary>
public sealed record ReferralNoticeEmail(ReferralNotice Notice, IReadOnlyList<EmailRecipient> To, ReferralSummary Referral, string MscName)
    : StaffEmail(To)
{
    public override string Kind => Notice switch
    {
        ReferralNotice.Withdrawn => EmailKinds.WithdrawalNotice,
        ReferralNotice.SmsUndelivered => EmailKinds.UndeliveredSms,
        ReferralNotice.InvalidNumber => EmailKinds.InvalidNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(Notice), Notice, "Unknown notice."),
    };

    internal override TemplateValues Values(StaffEmailContext context) => TemplateValues.Of(Describe(Referral, MscName, context));
}

/// <summary>One line of a digest: a deadline (acknowledge, firstContact, followUp1…) of one referral.</summary>
public sealed record DigestEntry(string ReferralId, string Initials, string Municipality, string DeadlineKind, DateTimeOffset DueAt)
{
    public string Initials { get; } = Models.Initials.Require(Initials, nameof(Initials));
}

/// <summary>The morning summary for one MSC; build it with <see cref="Digest.DailyDigestComposer"/>.</summary>
public sealed record DailyDigestEmail(
    IReadOnlyList<EmailRecipient> To, string MscName, DateOnly Date, IReadOnlyList<DigestEntry> Overdue, IReadOnlyList<DigestEntry> Due)
    : StaffEmail(To)
{
    public override string Kind => EmailKinds.DailyDigest;

    internal override TemplateValues Values(StaffEmailContext context) => new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Placeholders.MscName] = MscName,
            [Placeholders.DigestDate] = context.Date(Date),
        },
        new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal)
        {
            [Placeholders.OverdueItems] = Overdue.Select(e => Item(e, context)).ToList(),
            [Placeholders.DueItems] = Due.Select(e => Item(e, context)).ToList(),
        });

    private static IReadOnlyDictionary<string, string> Item(DigestEntry entry, StaffEmailContext context) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Placeholders.Initials] = entry.Initials,
            [Placeholders.Municipality] = entry.Municipality,
            [Placeholders.Deadline] = context.Code("deadline", entry.DeadlineKind, nameof(DigestEntry.DeadlineKind)),
            [Placeholders.DueAt] = context.DateTime(entry.DueAt),
            [Placeholders.ReferralLink] = context.Link(entry.ReferralId),
        };
}
