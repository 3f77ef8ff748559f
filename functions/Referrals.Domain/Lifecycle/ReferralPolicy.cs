using System.ComponentModel.DataAnnotations;
using Referrals.Contracts;
using Referrals.Domain.Model;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// Every deadline and offset of the referral lifecycle. Defaults are the ones in DOMAIN.md; the App binds overrides
/// from the <see cref="SectionName"/> configuration section, so a ministry changes a deadline by a setting.
/// Working days follow the Serbian calendar; local times are Europe/Belgrade.
/// </summary>
public sealed record ReferralPolicy : IValidatableObject
{
    public const string SectionName = "Referrals:Policy";

    /// <summary>The policy with every default.</summary>
    public static ReferralPolicy Default { get; } = new();

    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan EmergencyAcknowledgeWithin { get; init; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan UrgentAcknowledgeWithin { get; init; } = TimeSpan.FromHours(72);

    [Range(1, 60)]
    public int NormalAcknowledgeWorkingDays { get; init; } = 5;

    /// <summary>The reminder to the MSC comes at this fraction of the acknowledge period (0.5 = half time).</summary>
    [Range(0.05, 0.95)]
    public double AcknowledgeReminderFraction { get; init; } = 0.5;

    /// <summary>Working days after the acknowledge deadline until the second escalation.</summary>
    [Range(1, 30)]
    public int SecondEscalationWorkingDays { get; init; } = 2;

    /// <summary>Days before the expected return date of the first pre-return SMS (kind preReturnReminder7).</summary>
    [Range(1, 60)]
    public int EarlyPreReturnReminderDaysBefore { get; init; } = 7;

    /// <summary>Days before the expected return date of the last pre-return SMS (kind preReturnReminder1).</summary>
    [Range(0, 59)]
    public int LatePreReturnReminderDaysBefore { get; init; } = 1;

    /// <summary>Belgrade time of day the pre-return SMS are sent.</summary>
    public TimeOnly PreReturnReminderLocalTime { get; init; } = new(10, 0);

    /// <summary>Working days after the expected return date until the advisor is asked to confirm arrival.</summary>
    [Range(0, 30)]
    public int ArrivalConfirmationWorkingDays { get; init; } = 3;

    /// <summary>Working days after arrival until first contact is due (then escalated).</summary>
    [Range(1, 60)]
    public int FirstContactWorkingDays { get; init; } = 5;

    /// <summary>Working days after arrival of the first-contact reminder to the MSC.</summary>
    [Range(0, 59)]
    public int FirstContactReminderWorkingDays { get; init; } = 3;

    [Range(1, 3650)]
    public int FollowUp1DaysAfterArrival { get; init; } = 30;

    [Range(1, 3650)]
    public int FollowUp2DaysAfterArrival { get; init; } = 90;

    [Range(1, 3650)]
    public int FollowUp3DaysAfterArrival { get; init; } = 180;

    /// <summary>Working days a coordinator has to route a referral from the coordinator queue before a reminder.</summary>
    [Range(1, 30)]
    public int RoutingWorkingDays { get; init; } = 2;

    /// <summary>Belgrade time of day at which date-based deadlines (arrival confirmation, first contact,
    /// follow-ups, routing) fall due, so reminders reach staff at the start of a working day.</summary>
    public TimeOnly DayDeadlineLocalTime { get; init; } = new(9, 0);

    /// <summary>Language of emails to MSC staff and coordinators.</summary>
    public Language StaffLanguage { get; init; } = Language.SrLatn;

    /// <summary>Language of emails to scouts (most work in Germany).</summary>
    public Language ScoutLanguage { get; init; } = Language.De;

    public int FollowUpDaysAfterArrival(int number) => number switch
    {
        1 => FollowUp1DaysAfterArrival,
        2 => FollowUp2DaysAfterArrival,
        3 => FollowUp3DaysAfterArrival,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "Follow-ups are numbered 1 to 3."),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LatePreReturnReminderDaysBefore >= EarlyPreReturnReminderDaysBefore)
        {
            yield return new ValidationResult(
                $"{nameof(LatePreReturnReminderDaysBefore)} must be less than {nameof(EarlyPreReturnReminderDaysBefore)}.",
                [nameof(LatePreReturnReminderDaysBefore)]);
        }

        if (FirstContactReminderWorkingDays >= FirstContactWorkingDays)
        {
            yield return new ValidationResult(
                $"{nameof(FirstContactReminderWorkingDays)} must be less than {nameof(FirstContactWorkingDays)}.",
                [nameof(FirstContactReminderWorkingDays)]);
        }

        if (FollowUp1DaysAfterArrival >= FollowUp2DaysAfterArrival || FollowUp2DaysAfterArrival >= FollowUp3DaysAfterArrival)
        {
            yield return new ValidationResult(
                $"{nameof(FollowUp1DaysAfterArrival)}, {nameof(FollowUp2DaysAfterArrival)} and {nameof(FollowUp3DaysAfterArrival)} must increase.",
                [nameof(FollowUp2DaysAfterArrival)]);
        }
    }
}
