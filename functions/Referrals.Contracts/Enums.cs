using System.Text.Json.Serialization;

namespace Referrals.Contracts;

// Enums serialize as camelCase strings (WorkflowJson and the API); unknown values are rejected, never defaulted.

public enum Gender { Female, Male, Other, Undisclosed }

/// <summary>Languages we write to returnees and staff in (BCP 47 tags in JSON: sr-Latn, sr-Cyrl, de, en, rom).</summary>
/// <remarks>The attribute applies when no general enum converter is registered; with one, register
/// <see cref="ReferralJson.AddConverters"/> ahead of it.</remarks>
[JsonConverter(typeof(LanguageJsonConverter))]
public enum Language { SrLatn, SrCyrl, De, En, Rom }

public enum Priority { Emergency, Urgent, Normal }

public enum Need
{
    Employment, Documents, Housing, HealthInsurance, Education, SocialAssistance, LegalAid, PsychosocialSupport,
    RecognitionOfQualifications,
}

public enum Vulnerability { Minor, Disability, ChronicIllness, SingleParent, Elderly, RomaCommunity }

public enum ConsentMethod { SignedForm, VerbalWithWitness }

public enum ReferralStatus { AwaitingAcknowledgement, Acknowledged, Arrived, InSupport, Closed, Withdrawn, Rejected }

public enum RejectionReason { OutOfArea, Duplicate, Other }

public enum Role { Scout, Advisor, Coordinator }

public enum DeadlineState { Pending, Met, Overdue, Escalated, Cancelled }

public enum MessageChannel { Sms, Email }

public enum MessageStatus { Held, Queued, Sent, Delivered, Undelivered, Failed, Parked }

public enum SmsEncoding { Gsm7, Ucs2 }
