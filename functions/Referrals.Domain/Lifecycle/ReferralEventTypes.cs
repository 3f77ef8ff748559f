namespace Referrals.Domain.Lifecycle;

/// <summary>Timeline entry types (<c>WorkflowEvent.Type</c>) the referral decider writes.</summary>
public static class ReferralEventTypes
{
    public const string Submitted = "submitted";
    public const string Routed = "routed";
    public const string Acknowledged = "acknowledged";
    public const string Rejected = "rejected";
    public const string Reassigned = "reassigned";
    public const string Withdrawn = "withdrawn";
    public const string ReturnDateChanged = "returnDateChanged";
    public const string PhoneChanged = "phoneChanged";
    public const string PreferredLanguageChanged = "preferredLanguageChanged";
    public const string ReminderSent = "reminderSent";
    public const string ReminderSkipped = "reminderSkipped";
    public const string Escalated = "escalated";
    public const string DeadlineMissed = "deadlineMissed";
    public const string Arrived = "arrived";
    public const string FirstContactMade = "firstContactMade";
    public const string FollowUpRecorded = "followUpRecorded";
    public const string Closed = "closed";
    public const string OptedOut = "optedOut";
    public const string OptedIn = "optedIn";
    public const string HelpRequested = "helpRequested";
    public const string SmsStatusChanged = "smsStatusChanged";
    public const string EffectParked = "effectParked";
}
