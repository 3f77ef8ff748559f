using System.Text.Json.Serialization;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Everything that can happen to a referral, decided by <see cref="ReferralDecider"/>. People's commands carry the
/// <see cref="Actor"/>; inbound SMS keywords and effect-handler feedback do not (the timeline names "returnee" or
/// "system"). Free text (notes, reasons, outcomes) is kept in the state, never copied into timeline details.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(SubmitReferral), "submit")]
[JsonDerivedType(typeof(AcknowledgeReferral), "acknowledge")]
[JsonDerivedType(typeof(RejectReferral), "reject")]
[JsonDerivedType(typeof(ReassignReferral), "reassign")]
[JsonDerivedType(typeof(WithdrawReferral), "withdraw")]
[JsonDerivedType(typeof(ChangeReturnDate), "changeReturnDate")]
[JsonDerivedType(typeof(ChangePhone), "changePhone")]
[JsonDerivedType(typeof(ChangePreferredLanguage), "changePreferredLanguage")]
[JsonDerivedType(typeof(RecordArrival), "recordArrival")]
[JsonDerivedType(typeof(RecordFirstContact), "recordFirstContact")]
[JsonDerivedType(typeof(RecordFollowUp), "recordFollowUp")]
[JsonDerivedType(typeof(CloseReferral), "close")]
[JsonDerivedType(typeof(OptOutOfSms), "optOut")]
[JsonDerivedType(typeof(OptInToSms), "optIn")]
[JsonDerivedType(typeof(RequestSmsHelp), "requestHelp")]
[JsonDerivedType(typeof(SmsAccepted), "smsAccepted")]
[JsonDerivedType(typeof(SmsStatusChanged), "smsStatusChanged")]
[JsonDerivedType(typeof(SmsHeld), "smsHeld")]
[JsonDerivedType(typeof(EmailSent), "emailSent")]
[JsonDerivedType(typeof(EffectParked), "effectParked")]
public abstract record ReferralCommand
{
    // Closed hierarchy: the decider handles exactly the cases declared here.
    private protected ReferralCommand()
    {
    }
}

/// <summary>Creates the referral. <paramref name="ReferralId"/> is the new instance id; <paramref name="MscId"/> is
/// the MSC that intake routed the destination municipality to; <paramref name="RequestFingerprint"/> identifies the
/// request that created it, so a retry of that request can be told from another request under the same id.</summary>
public sealed record SubmitReferral(string ReferralId, ReferralDetails Details, string MscId, Actor Actor,
    string? RequestFingerprint = null)
    : ReferralCommand;

/// <summary>The assigned MSC accepts the referral (advisor).</summary>
public sealed record AcknowledgeReferral(string? Note, Actor Actor) : ReferralCommand;

/// <summary>The assigned MSC declines the referral (advisor). <c>outOfArea</c> goes back to routing: to
/// <paramref name="SuggestedMscId"/> when given, otherwise to the coordinator's queue.</summary>
public sealed record RejectReferral(RejectionReason Reason, string? Note, string? SuggestedMscId, Actor Actor)
    : ReferralCommand;

/// <summary>A coordinator moves the referral to another MSC (also how the coordinator queue is emptied).</summary>
public sealed record ReassignReferral(string MscId, string? Note, Actor Actor) : ReferralCommand;

/// <summary>The scout withdraws the referral (e.g. the return was cancelled).</summary>
public sealed record WithdrawReferral(string Reason, Actor Actor) : ReferralCommand;

/// <summary>The scout moves the expected return date; every timer that depends on it is rescheduled.</summary>
public sealed record ChangeReturnDate(DateOnly ExpectedReturnDate, Actor Actor) : ReferralCommand;

/// <summary>The scout changes the returnee's phone (E.164), e.g. to a Serbian number.</summary>
public sealed record ChangePhone(string Phone, Actor Actor) : ReferralCommand;

/// <summary>The scout changes the language the returnee is written to in.</summary>
public sealed record ChangePreferredLanguage(Language Language, Actor Actor) : ReferralCommand;

/// <summary>The advisor records the day the returnee arrived (Belgrade date).</summary>
public sealed record RecordArrival(DateOnly ArrivedOn, Actor Actor) : ReferralCommand;

/// <summary>The advisor records the first contact with the returnee after arrival.</summary>
public sealed record RecordFirstContact(DateOnly On, string? Note, Actor Actor) : ReferralCommand;

/// <summary>The advisor records follow-up <paramref name="Number"/> (1, 2 or 3).</summary>
public sealed record RecordFollowUp(int Number, string Outcome, string? Note, Actor Actor) : ReferralCommand;

/// <summary>An advisor or coordinator closes the case.</summary>
public sealed record CloseReferral(string Outcome, string? Note, Actor Actor) : ReferralCommand;

/// <summary>The returnee texted an opt-out keyword (<paramref name="Keyword"/>, e.g. STOP).</summary>
public sealed record OptOutOfSms(string Keyword) : ReferralCommand;

/// <summary>The returnee texted an opt-in keyword (e.g. START).</summary>
public sealed record OptInToSms(string Keyword) : ReferralCommand;

/// <summary>The returnee texted HELP.</summary>
public sealed record RequestSmsHelp : ReferralCommand;

/// <summary>Feedback from the SMS handler: the provider accepted message <paramref name="MessageId"/>.</summary>
public sealed record SmsAccepted(string MessageId, string ProviderSid, SmsEncoding Encoding, int Segments)
    : ReferralCommand;

/// <summary>Feedback from a status callback (by provider sid) or from the SMS handler (by message id).
/// <paramref name="ErrorCode"/> is the provider's error code, e.g. 21610, 30003 or 21211.</summary>
public sealed record SmsStatusChanged(string? MessageId, string? ProviderSid, MessageStatus Status, int? ErrorCode)
    : ReferralCommand;

/// <summary>Feedback from the SMS handler: the message waits for the end of quiet hours.</summary>
public sealed record SmsHeld(string MessageId, DateTimeOffset Until) : ReferralCommand;

/// <summary>Feedback from the email handler: the mail server accepted message <paramref name="MessageId"/>.</summary>
public sealed record EmailSent(string MessageId) : ReferralCommand;

/// <summary>Feedback from the runtime: effect <paramref name="EffectId"/> failed permanently and was parked.
/// <paramref name="Reason"/> must be free of personal data (it is shown on the timeline).</summary>
public sealed record EffectParked(string EffectId, string Reason) : ReferralCommand;
