using System.ComponentModel.DataAnnotations;

namespace Referrals.Domain.Calendar;

/// <summary>When no SMS goes to a returnee, in the recipient's local time (configuration section "QuietHours").</summary>
public sealed class QuietHoursOptions : IValidatableObject
{
    public const string SectionName = "QuietHours";

    /// <summary>Local time from which SMS are held (inclusive). Default 21:00.</summary>
    public TimeOnly Start { get; set; } = new(21, 0);

    /// <summary>Local time at which held SMS may go (the first allowed minute). Default 08:00.</summary>
    public TimeOnly End { get; set; } = new(8, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start == End)
        {
            yield return new ValidationResult(
                "QuietHours:Start and QuietHours:End must differ (an empty or whole-day window is a mistake).",
                [nameof(Start), nameof(End)]);
        }
    }
}
