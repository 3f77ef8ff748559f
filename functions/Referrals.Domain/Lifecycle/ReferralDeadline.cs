using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// One deadline of a referral. <paramref name="DueAt"/> is the deadline itself; the timer (if any) fires at
/// <paramref name="NextStepAt"/> to perform <paramref name="NextStep"/> (a reminder can come before the deadline, a
/// second escalation after it). <paramref name="Token"/> is the current timer's token: a timer whose token differs
/// is stale and ignored. The timer kind equals the deadline kind.
/// </summary>
public sealed record ReferralDeadline(
    string Kind,
    DateTimeOffset DueAt,
    DeadlineState State,
    DeadlineStep? NextStep,
    DateTimeOffset? NextStepAt,
    string? Token,
    DateTimeOffset? MetAt = null)
{
    /// <summary>Still to be met (pending, overdue or escalated).</summary>
    public bool IsOpen() => State is DeadlineState.Pending or DeadlineState.Overdue or DeadlineState.Escalated;
}

/// <summary>What a deadline's timer does when it fires.</summary>
public enum DeadlineStep
{
    /// <summary>Remind before the deadline (acknowledge at half time, first contact).</summary>
    Reminder,

    /// <summary>The deadline itself: send the pre-return SMS, escalate, or mark overdue.</summary>
    Due,

    /// <summary>Still open some working days after the deadline (acknowledge only).</summary>
    SecondEscalation,
}

/// <summary>Deadline kinds (also the timer kinds). The pre-return names keep their default day offsets even when
/// the policy changes the offsets: they are identifiers shared with the message templates.</summary>
public static class DeadlineKinds
{
    public const string Acknowledge = "acknowledge";

    /// <summary>Out of area without a suggested MSC: a coordinator has to reassign it.</summary>
    public const string Routing = "routing";

    public const string PreReturnReminder7 = "preReturnReminder7";
    public const string PreReturnReminder1 = "preReturnReminder1";
    public const string ArrivalConfirmation = "arrivalConfirmation";
    public const string FirstContact = "firstContact";
    public const string FollowUp1 = "followUp1";
    public const string FollowUp2 = "followUp2";
    public const string FollowUp3 = "followUp3";

    public static string FollowUp(int number) => number switch
    {
        1 => FollowUp1,
        2 => FollowUp2,
        3 => FollowUp3,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "Follow-ups are numbered 1 to 3."),
    };
}
