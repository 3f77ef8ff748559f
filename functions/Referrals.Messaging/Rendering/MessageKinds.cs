using static Referrals.Messaging.Rendering.Placeholders;

namespace Referrals.Messaging.Rendering;

/// <summary>Every SMS kind (to returnees) and the placeholders it allows.</summary>
public static class SmsKinds
{
    public const string SubmissionConfirmation = "submissionConfirmation";
    public const string Acknowledged = "acknowledged";
    public const string PreReturnReminder7 = "preReturnReminder7";
    public const string PreReturnReminder1 = "preReturnReminder1";
    public const string Welcome = "welcome";
    public const string HelpReply = "helpReply";
    public const string OptOutConfirmation = "optOutConfirmation";
    public const string OptInConfirmation = "optInConfirmation";

    public static IReadOnlyList<TemplateKind> All { get; } =
    [
        Sms(SubmissionConfirmation, PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(ExpectedReturnDate),
            PlaceholderSpec.Supplied(Placeholders.Checklist)),
        Sms(Acknowledged, PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(MscAddress),
            PlaceholderSpec.Required(MscPhone), PlaceholderSpec.Required(MscHours), PlaceholderSpec.Optional(AdvisorName)),
        Sms(PreReturnReminder7, PlaceholderSpec.Required(ExpectedReturnDate), PlaceholderSpec.Required(MscName),
            PlaceholderSpec.Required(MscPhone), PlaceholderSpec.Supplied(Placeholders.Checklist)),
        Sms(PreReturnReminder1, PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(MscAddress),
            PlaceholderSpec.Required(MscPhone), PlaceholderSpec.Supplied(Placeholders.Checklist)),
        Sms(Welcome, PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(MscAddress),
            PlaceholderSpec.Required(MscPhone), PlaceholderSpec.Supplied(ArrivalSteps)),
        Sms(HelpReply, PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(MscPhone),
            PlaceholderSpec.Required(MscHours)),
        Sms(OptOutConfirmation),
        Sms(OptInConfirmation),
    ];

    private static TemplateKind Sms(string name, params PlaceholderSpec[] placeholders) =>
        new(name, TemplateChannel.Sms, placeholders);
}

/// <summary>Every email kind (to staff) and the placeholders it allows: by design no name, phone, birth date or note.</summary>
public static class EmailKinds
{
    public const string NewReferral = "newReferral";
    public const string AcknowledgeReminder = "acknowledgeReminder";
    public const string Escalation = "escalation";
    public const string SecondEscalation = "secondEscalation";
    public const string RejectionNotice = "rejectionNotice";
    public const string WithdrawalNotice = "withdrawalNotice";
    public const string UndeliveredSms = "undeliveredSms";
    public const string InvalidNumber = "invalidNumber";
    public const string DailyDigest = "dailyDigest";
    public const string RoutingRequest = "routingRequest";
    public const string ArrivalConfirmationReminder = "arrivalConfirmationReminder";
    public const string FirstContactReminder = "firstContactReminder";
    public const string FirstContactEscalation = "firstContactEscalation";

    // A referral waiting for routing has no centre yet, so the centre is not part of the common summary.
    private static readonly PlaceholderSpec[] s_unassigned =
    [
        PlaceholderSpec.Required(ReferralLink), PlaceholderSpec.Required(Initials), PlaceholderSpec.Required(Municipality),
        PlaceholderSpec.Required(Priority), PlaceholderSpec.Required(ExpectedReturnDate),
    ];

    private static readonly PlaceholderSpec[] s_referral = [.. s_unassigned, PlaceholderSpec.Required(MscName)];

    public static IReadOnlyList<TemplateKind> All { get; } =
    [
        Email(NewReferral, [.. s_referral, PlaceholderSpec.Required(AcknowledgeBy)]),
        Email(AcknowledgeReminder, [.. s_referral, PlaceholderSpec.Required(AcknowledgeBy)]),
        Email(Escalation, [.. s_referral, PlaceholderSpec.Required(AcknowledgeBy)]),
        Email(SecondEscalation, [.. s_referral, PlaceholderSpec.Required(AcknowledgeBy)]),
        Email(RejectionNotice, [.. s_referral, PlaceholderSpec.Required(Reason)]),
        Email(WithdrawalNotice, s_referral),
        Email(UndeliveredSms, s_referral),
        Email(InvalidNumber, s_referral),
        Email(DailyDigest,
        [
            PlaceholderSpec.Required(MscName), PlaceholderSpec.Required(DigestDate),
            PlaceholderSpec.List(OverdueItems, Initials, Municipality, Deadline, DueAt, ReferralLink),
            PlaceholderSpec.List(DueItems, Initials, Municipality, Deadline, DueAt, ReferralLink),
        ]),

        // dueAt is the deadline the email is about: routing, arrival confirmation or first contact.
        Email(RoutingRequest,
            [.. s_unassigned, PlaceholderSpec.Required(DueAt), PlaceholderSpec.Optional(RejectedBy), PlaceholderSpec.Optional(OverdueSince)]),
        Email(ArrivalConfirmationReminder, [.. s_referral, PlaceholderSpec.Required(DueAt)]),
        Email(FirstContactReminder, [.. s_referral, PlaceholderSpec.Required(ArrivedOn), PlaceholderSpec.Required(DueAt)]),
        Email(FirstContactEscalation, [.. s_referral, PlaceholderSpec.Required(ArrivedOn), PlaceholderSpec.Required(DueAt)]),
    ];

    private static TemplateKind Email(string name, PlaceholderSpec[] placeholders) =>
        new(name, TemplateChannel.Email, placeholders);
}
