using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace Referrals.Domain.Intake;

/// <summary>Limits the intake validator applies (configuration section "Intake").</summary>
public sealed class IntakeOptions : IValidatableObject
{
    public const string SectionName = "Intake";

    /// <summary>Europe: the EU and EEA, Switzerland, the United Kingdom, the Western Balkans and the eastern
    /// neighbours (ISO 3166 region codes as libphonenumber uses them; XK is Kosovo).</summary>
    public static IReadOnlyList<string> EuropeanPhoneRegions { get; } =
    [
        "AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR", "GB",
        "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK",
        "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "UA", "VA", "XK",
    ];

    [Range(1, 500)]
    public int MaxNameLength { get; set; } = 100;

    [Range(0, 20_000)]
    public int MaxNotesLength { get; set; } = 2000;

    [Range(1, 100)]
    public int MaxTextVersionLength { get; set; } = 50;

    /// <summary>A date of birth further back than this is taken for a typing error.</summary>
    [Range(1, 150)]
    public int MaxAgeYears { get; set; } = 120;

    /// <summary>How far ahead an expected return date may be.</summary>
    [Range(1, 3660)]
    public int MaxReturnDaysAhead { get; set; } = 366;

    /// <summary>How far back an expected return date may be (a late referral of someone already back).</summary>
    [Range(0, 365)]
    public int MaxReturnDaysPast { get; set; } = 30;

    /// <summary>How far back consent may have been obtained. Consent is taken when the referral is prepared, and the
    /// return it is for is at most <see cref="MaxReturnDaysAhead"/> away, so two years leaves room for a long wait
    /// while an older date (a mistyped year such as 0001 or 1926) is refused rather than stored.</summary>
    [Range(1, 3660)]
    public int MaxConsentAgeDays { get; set; } = 730;

    [Range(1, 100)]
    public int MaxAdults { get; set; } = 20;

    [Range(0, 100)]
    public int MaxMinors { get; set; } = 20;

    /// <summary>Regions a returnee's phone may belong to; null or empty means <see cref="EuropeanPhoneRegions"/>.
    /// (A list with a default would have configured values appended to it by the binder.)</summary>
    public IReadOnlyList<string>? PhoneRegions { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var supported = PhoneNumberUtil.GetInstance().GetSupportedRegions();
        foreach (var region in PhoneRegions ?? [])
        {
            if (!supported.Contains(region.ToUpperInvariant()))
            {
                yield return new ValidationResult(
                    $"Intake:PhoneRegions contains '{region}', which is not a region code libphonenumber knows.",
                    [nameof(PhoneRegions)]);
            }
        }
    }
}
