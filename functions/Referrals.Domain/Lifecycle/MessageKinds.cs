namespace Referrals.Domain.Lifecycle;

// Enum names serialize as camelCase strings; they match the template kinds of Referrals.Messaging.

/// <summary>SMS to the returnee.</summary>
public enum SmsKind
{
    SubmissionConfirmation,
    Acknowledged,
    PreReturnReminder7,
    PreReturnReminder1,
    Welcome,
    HelpReply,
    OptOutConfirmation,
    OptInConfirmation,
}

/// <summary>Email to staff. Values carry no names, phones or notes.</summary>
public enum EmailKind
{
    NewReferral,
    AcknowledgeReminder,
    Escalation,
    SecondEscalation,
    RejectionNotice,
    WithdrawalNotice,
    UndeliveredSms,
    InvalidNumber,

    /// <summary>Rejected as out of area without a suggestion, or still unrouted: the coordinator must reassign.</summary>
    RoutingRequest,

    /// <summary>The expected return date passed 3 working days ago and no arrival is recorded.</summary>
    ArrivalConfirmationReminder,

    FirstContactReminder,
    FirstContactEscalation,
}

/// <summary>Who a message goes to. Handlers resolve the address: the MSC's inbox and head from the directory, the
/// coordinator from configuration, the scout from the referral's scout id, the returnee from the payload's phone.</summary>
public enum MessageRecipient
{
    Returnee,
    MscInbox,
    MscHead,
    Coordinator,
    Scout,
}
