namespace Referrals.Messaging.Rendering;

/// <summary>Placeholder names, shared by the kinds, the typed models and the template files.</summary>
public static class Placeholders
{
    public const string MscName = "mscName";
    public const string MscAddress = "mscAddress";
    public const string MscPhone = "mscPhone";
    public const string MscHours = "mscHours";
    public const string AdvisorName = "advisorName";
    public const string ExpectedReturnDate = "expectedReturnDate";
    public const string Checklist = "checklist";
    public const string ArrivalSteps = "arrivalSteps";

    public const string ReferralLink = "referralLink";
    public const string Initials = "initials";
    public const string Municipality = "municipality";
    public const string Priority = "priority";
    public const string AcknowledgeBy = "acknowledgeBy";
    public const string Reason = "reason";
    public const string DigestDate = "digestDate";
    public const string OverdueItems = "overdueItems";
    public const string DueItems = "dueItems";
    public const string Deadline = "deadline";
    public const string DueAt = "dueAt";
    public const string ArrivedOn = "arrivedOn";
    public const string RejectedBy = "rejectedBy";
    public const string OverdueSince = "overdueSince";
}
