using System.Collections.Frozen;
using Referrals.Contracts;

namespace Referrals.Web.Services;

/// <summary>
/// The new-referral form as posted: every field of the submit body, flat, all optional so that the intake
/// validator (not model binding) reports what is missing, next to the field. Dates come from date inputs; the
/// consent time is the scout's local time.
/// </summary>
public sealed class ReferralForm
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public Gender? Gender { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? PreferredLanguage { get; set; }

    public int? Adults { get; set; } = 1;

    public int? Minors { get; set; } = 0;

    public DateOnly? ExpectedReturnDate { get; set; }

    public string? ArrivalPoint { get; set; }

    public string? Municipality { get; set; }

    public IList<Need> Needs { get; set; } = [];

    public IList<Vulnerability> Vulnerabilities { get; set; } = [];

    public Priority? Priority { get; set; } = global::Referrals.Contracts.Priority.Normal;

    public bool ConsentDataSharing { get; set; }

    public bool ConsentSms { get; set; }

    /// <summary>Local time in the scout's zone (a datetime-local input).</summary>
    public DateTime? ConsentObtainedAt { get; set; }

    public ConsentMethod? ConsentMethod { get; set; }

    public string? ConsentTextVersion { get; set; }

    public string? Notes { get; set; }

    /// <summary>One per form: a form sent twice creates one referral.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Intake error paths (JSON paths of the submit body) and the form field each belongs to.</summary>
    private static readonly FrozenDictionary<string, string> FieldsByPath = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["returnee.givenName"] = nameof(GivenName),
        ["returnee.familyName"] = nameof(FamilyName),
        ["returnee.dateOfBirth"] = nameof(DateOfBirth),
        ["returnee.gender"] = nameof(Gender),
        ["returnee.phone"] = nameof(Phone),
        ["returnee.email"] = nameof(Email),
        ["returnee.preferredLanguage"] = nameof(PreferredLanguage),
        ["household.adults"] = nameof(Adults),
        ["household.minors"] = nameof(Minors),
        ["expectedReturnDate"] = nameof(ExpectedReturnDate),
        ["arrivalPoint"] = nameof(ArrivalPoint),
        ["municipality"] = nameof(Municipality),
        ["needs"] = nameof(Needs),
        ["vulnerabilities"] = nameof(Vulnerabilities),
        ["priority"] = nameof(Priority),
        ["consent.dataSharing"] = nameof(ConsentDataSharing),
        ["consent.sms"] = nameof(ConsentSms),
        ["consent.obtainedAt"] = nameof(ConsentObtainedAt),
        ["consent.method"] = nameof(ConsentMethod),
        ["consent.textVersion"] = nameof(ConsentTextVersion),
        ["notes"] = nameof(Notes),
        ["idempotencyKey"] = nameof(IdempotencyKey),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The form field an intake error path belongs to ("needs[2]" → Needs); null for a path the form has
    /// no field for (shown in the summary).</summary>
    public static string? FieldFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var key = bracket < 0 ? path : path[..bracket];
        return FieldsByPath.GetValueOrDefault(key);
    }

    /// <summary>The submit body this form stands for; <paramref name="scoutZone"/> turns the local consent time
    /// into an instant.</summary>
    public SubmitReferralRequest ToRequest(TimeZoneInfo scoutZone)
    {
        ArgumentNullException.ThrowIfNull(scoutZone);
        return new SubmitReferralRequest
        {
            Returnee = new ReturneeInput
            {
                GivenName = GivenName,
                FamilyName = FamilyName,
                DateOfBirth = DateOfBirth,
                Gender = Gender,
                Phone = Phone,
                Email = string.IsNullOrWhiteSpace(Email) ? null : Email,
                PreferredLanguage = LanguageTags.TryParse(PreferredLanguage, out var language) ? language : null,
            },
            Household = new HouseholdInput { Adults = Adults, Minors = Minors },
            ExpectedReturnDate = ExpectedReturnDate,
            ArrivalPoint = ArrivalPoint,
            Municipality = Municipality,
            Needs = [.. Needs.Distinct().Select(n => (Need?)n)],
            Vulnerabilities = [.. Vulnerabilities.Distinct().Select(v => (Vulnerability?)v)],
            Priority = Priority,
            Consent = new ConsentInput
            {
                DataSharing = ConsentDataSharing,
                Sms = ConsentSms,
                ObtainedAt = ConsentObtainedAt is { } local ? ToInstant(local, scoutZone) : null,
                Method = ConsentMethod,
                TextVersion = ConsentTextVersion,
            },
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes,
        };
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall time skipped by a DST change is read as the hour after.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        // A wall time at either end of the calendar may lie outside DateTimeOffset's range in UTC (9999-12-31 23:00
        // in Berlin); the nearest representable instant is as far in the future or the past for the API to refuse.
        var offset = zone.GetUtcOffset(unspecified);
        var utcTicks = unspecified.Ticks - offset.Ticks;
        if (utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return DateTimeOffset.MaxValue;
        }

        return utcTicks < DateTimeOffset.MinValue.UtcTicks
            ? DateTimeOffset.MinValue
            : new DateTimeOffset(unspecified, offset);
    }
}
