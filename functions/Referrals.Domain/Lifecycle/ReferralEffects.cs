namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Effect types the referral decider requests (<c>EffectRequest.Type</c>) and the payload each carries:
/// <see cref="SendSms"/> → <see cref="SendSmsPayload"/>, <see cref="SendEmail"/> → <see cref="SendEmailPayload"/>,
/// <see cref="UpdateProjection"/> → <see cref="ReferralProjection"/>. Effect ids are the message ids
/// ("sms-{kind}-{n}", "email-{kind}-{recipient}-{n}") and "projection-{revision}".
/// </summary>
public static class ReferralEffects
{
    public const string SendSms = "referral.sendSms";
    public const string SendEmail = "referral.sendEmail";
    public const string UpdateProjection = "referral.updateProjection";
}

/// <summary>Template value names (they match the placeholders of Referrals.Messaging). The decider fills the
/// referral's own facts; handlers add the MSC's name, address, phone and hours and the referral link.</summary>
public static class TemplateValues
{
    public const string ExpectedReturnDate = "expectedReturnDate";
    public const string ArrivalPoint = "arrivalPoint";
    public const string DaysBefore = "daysBefore";
    public const string Initials = "initials";
    public const string Municipality = "municipality";
    public const string Priority = "priority";
    public const string AcknowledgeBy = "acknowledgeBy";
    public const string Reason = "reason";
    public const string Deadline = "deadline";
    public const string DueAt = "dueAt";
    public const string ArrivedOn = "arrivedOn";
    public const string SmsKind = "smsKind";
    public const string ErrorCode = "errorCode";
}
