using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using PhoneNumbers;
using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;

namespace Referrals.Domain.Intake;

/// <summary>
/// Checks a submitted referral against every intake rule and normalizes it (E.164 phone, trimmed names, municipality
/// resolved to its code, routed to its centre). Pure: "today" comes from the caller. Error messages never repeat what
/// was submitted, since it may be personal data.
/// </summary>
public sealed class IntakeValidator
{
    private const string Required = "Required.";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private readonly MunicipalityDirectory municipalities;
    private readonly MscDirectory mscs;
    private readonly IntakeOptions options;
    private readonly HashSet<string> phoneRegions;

    public IntakeValidator(MunicipalityDirectory municipalities, MscDirectory mscs, IOptions<IntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.municipalities = municipalities ?? throw new ArgumentNullException(nameof(municipalities));
        this.mscs = mscs ?? throw new ArgumentNullException(nameof(mscs));
        this.options = options.Value;
        phoneRegions = new HashSet<string>(
            this.options.PhoneRegions is { Count: > 0 } regions ? regions : IntakeOptions.EuropeanPhoneRegions,
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Validates <paramref name="request"/> submitted by <paramref name="scout"/> on <paramref name="today"/> (the
    /// Belgrade date). Consent "in the future" is judged by its Belgrade date against <paramref name="today"/>.
    /// </summary>
    public IntakeResult Validate(SubmitReferralRequest request, Referrer scout, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scout);

        var errors = new Errors();
        var consent = CheckConsent(request.Consent, today, errors);
        var returnee = CheckReturnee(request.Returnee, request.Consent?.Sms, today, errors);
        var household = CheckHousehold(request.Household, errors);
        var returnDate = errors.Check("expectedReturnDate", CheckExpectedReturnDate(request.ExpectedReturnDate, today), request.ExpectedReturnDate);
        var arrival = CheckArrivalPoint(request.ArrivalPoint, errors);
        var municipality = CheckMunicipality(request.Municipality, errors);
        var needs = CheckList("needs", request.Needs, requireAny: true, errors);
        var vulnerabilities = CheckList("vulnerabilities", request.Vulnerabilities, requireAny: false, errors);
        if (vulnerabilities is { Count: > 0 } && request.Consent?.DataSharing != true)
        {
            errors.Add("vulnerabilities", "Vulnerabilities are recorded only with the returnee's consent to share data (consent.dataSharing).");
        }

        var priority = errors.Required("priority", request.Priority);
        var notes = CheckNotes(request.Notes, errors);

        if (errors.Any || consent is null || returnee is null || household is null || returnDate is null || arrival is null
            || municipality is null || needs is null || vulnerabilities is null || priority is null)
        {
            return IntakeResult.Rejected(errors.ToDictionary());
        }

        var details = new ReferralDetails(
            returnee, household, returnDate.Value, arrival.Code, municipality.Code, needs, vulnerabilities,
            priority.Value, consent, notes, scout);
        return IntakeResult.Accepted(details, mscs.RouteFor(municipality.Code));
    }

    /// <summary>
    /// Checks a returnee phone number (also for a later change of number): null when it is acceptable, with
    /// <paramref name="e164"/> the normalized number; otherwise the error. With <paramref name="forSms"/> the number
    /// must be able to receive SMS.
    /// </summary>
    public string? CheckPhone(string? phone, bool forSms, out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return Required;
        }

        var trimmed = phone.Trim();
        if (!trimmed.StartsWith('+'))
        {
            return "Give the number in international format with the country code, e.g. +49 151 … or +381 6….";
        }

        // libphonenumber reads letters as keypad digits and text after the number as an extension; neither is a
        // phone number a scout types for a returnee.
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/')))
        {
            return "A phone number may contain only digits, spaces and + - ( ) . /";
        }

        PhoneNumber number;
        try
        {
            number = Phones.Parse(trimmed, null);
        }
        catch (NumberParseException)
        {
            return "Not a valid phone number.";
        }

        if (!Phones.IsValidNumber(number))
        {
            return "Not a valid phone number.";
        }

        var region = Phones.GetRegionCodeForNumber(number);
        if (region is null || !phoneRegions.Contains(region))
        {
            return "Must be a phone number of a European country.";
        }

        if (forSms && Phones.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return "SMS needs a mobile number: this number is not a mobile. Give a mobile number, or record that the returnee did not consent to SMS.";
        }

        e164 = Phones.Format(number, PhoneNumberFormat.E164);
        return null;
    }

    /// <summary>Checks an expected return date (also for a later change of date): null when acceptable, else the error.</summary>
    public string? CheckExpectedReturnDate(DateOnly? date, DateOnly today)
    {
        if (date is null)
        {
            return Required;
        }

        if (date.Value > today.AddDays(options.MaxReturnDaysAhead))
        {
            return $"Must be at most {options.MaxReturnDaysAhead} days from today.";
        }

        return date.Value < today.AddDays(-options.MaxReturnDaysPast)
            ? $"Must not be more than {options.MaxReturnDaysPast} days in the past."
            : null;
    }

    private Returnee? CheckReturnee(ReturneeInput? input, bool? smsConsent, DateOnly today, Errors errors)
    {
        if (input is null)
        {
            errors.Add("returnee", Required);
            return null;
        }

        var givenName = CheckName("returnee.givenName", input.GivenName, errors);
        var familyName = CheckName("returnee.familyName", input.FamilyName, errors);
        var dateOfBirth = CheckDateOfBirth(input.DateOfBirth, today, errors);
        var gender = errors.Required("returnee.gender", input.Gender);
        var phone = errors.Check("returnee.phone", CheckPhone(input.Phone, smsConsent == true, out var e164), e164);
        var email = CheckEmail(input.Email, errors);
        var language = errors.Required("returnee.preferredLanguage", input.PreferredLanguage);

        return givenName is null || familyName is null || dateOfBirth is null || gender is null || phone is null
            || language is null || errors.Has("returnee.email")
            ? null
            : new Returnee(givenName, familyName, dateOfBirth.Value, gender.Value, phone, email, language.Value);
    }

    private string? CheckName(string path, string? value, Errors errors)
    {
        var name = value?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(path, Required);
            return null;
        }

        if (name.Length > options.MaxNameLength)
        {
            errors.Add(path, $"Must be at most {options.MaxNameLength} characters.");
            return null;
        }

        if (name.Any(IsInvisibleOrControl))
        {
            errors.Add(path, "Must not contain control or invisible formatting characters.");
            return null;
        }

        return name;
    }

    private DateOnly? CheckDateOfBirth(DateOnly? value, DateOnly today, Errors errors)
    {
        const string path = "returnee.dateOfBirth";
        if (value is null)
        {
            errors.Add(path, Required);
        }
        else if (value.Value >= today)
        {
            errors.Add(path, "Must be in the past.");
        }
        else if (value.Value < today.AddYears(-options.MaxAgeYears))
        {
            errors.Add(path, $"Must be within the last {options.MaxAgeYears} years.");
        }
        else
        {
            return value;
        }

        return null;
    }

    private static string? CheckEmail(string? value, Errors errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        // One plain address (no display name, no list) with a dotted domain, within the SMTP limit of 254.
        if (email.Length > 254
            || !MailAddress.TryCreate(email, out var parsed)
            || parsed.Address != email
            || parsed.DisplayName.Length > 0
            || !parsed.Host.Contains('.', StringComparison.Ordinal)
            || parsed.Host.EndsWith('.'))
        {
            errors.Add("returnee.email", "Not a valid email address (leave it out or null when there is none).");
            return null;
        }

        return email;
    }

    private Household? CheckHousehold(HouseholdInput? input, Errors errors)
    {
        if (input is null)
        {
            errors.Add("household", Required);
            return null;
        }

        var adults = errors.Required("household.adults", input.Adults);
        if (adults is < 1 || adults > options.MaxAdults)
        {
            errors.Add("household.adults", $"Must be between 1 and {options.MaxAdults} (the returnee counts).");
            adults = null;
        }

        var minors = errors.Required("household.minors", input.Minors);
        if (minors is < 0 || minors > options.MaxMinors)
        {
            errors.Add("household.minors", $"Must be between 0 and {options.MaxMinors}.");
            minors = null;
        }

        return adults is null || minors is null ? null : new Household(adults.Value, minors.Value);
    }

    private static ArrivalPoint? CheckArrivalPoint(string? value, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("arrivalPoint", Required);
            return null;
        }

        if (ArrivalPoints.TryFind(value, out var point))
        {
            return point;
        }

        errors.Add("arrivalPoint", "Unknown arrival point. Use one of: " + string.Join(", ", ArrivalPoints.All.Select(p => p.Code)) + ".");
        return null;
    }

    private Municipality? CheckMunicipality(string? value, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("municipality", Required);
            return null;
        }

        if (municipalities.TryFind(value, out var municipality))
        {
            return municipality;
        }

        var suggestions = municipalities.Suggest(value);
        errors.Add("municipality", suggestions.Count == 0
            ? "Unknown municipality. Give the Serbian name in Latin or Cyrillic script, or the municipality code."
            : "Unknown municipality. Did you mean: " + string.Join(", ", suggestions.Select(m => $"{m.NameLatin} ({m.Code})")) + "?");
        return null;
    }

    private static List<T>? CheckList<T>(string path, IReadOnlyList<T?>? values, bool requireAny, Errors errors)
        where T : struct, Enum
    {
        if (values is null)
        {
            errors.Add(path, requireAny ? "Required: at least one." : "Required (an empty list when there are none).");
            return null;
        }

        if (requireAny && values.Count == 0)
        {
            errors.Add(path, "Must name at least one.");
            return null;
        }

        var result = new List<T>(values.Count);
        var seenAt = new Dictionary<T, int>();
        for (var i = 0; i < values.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (values[i] is not { } value)
            {
                errors.Add(itemPath, "Must not be null.");
            }
            else if (seenAt.TryGetValue(value, out var first))
            {
                errors.Add(itemPath, string.Create(CultureInfo.InvariantCulture, $"Listed twice (also at {path}[{first}])."));
            }
            else
            {
                seenAt.Add(value, i);
                result.Add(value);
            }
        }

        return result.Count == values.Count ? result : null;
    }

    private Consent? CheckConsent(ConsentInput? input, DateOnly today, Errors errors)
    {
        if (input is null)
        {
            errors.Add("consent", Required);
            return null;
        }

        var dataSharing = errors.Required("consent.dataSharing", input.DataSharing);
        if (dataSharing == false)
        {
            errors.Add("consent.dataSharing", "No referral is accepted without consent to share data with NES and KIRS.");
        }

        var sms = errors.Required("consent.sms", input.Sms);
        var obtainedAt = errors.Required("consent.obtainedAt", input.ObtainedAt);
        if (obtainedAt is { } at && CheckConsentObtainedAt(at, today) is { } obtainedAtError)
        {
            errors.Add("consent.obtainedAt", obtainedAtError);
        }

        var method = errors.Required("consent.method", input.Method);
        var textVersion = input.TextVersion?.Trim();
        if (string.IsNullOrEmpty(textVersion))
        {
            errors.Add("consent.textVersion", Required);
        }
        else if (textVersion.Length > options.MaxTextVersionLength || textVersion.Any(IsInvisibleOrControl))
        {
            errors.Add("consent.textVersion", $"Must be at most {options.MaxTextVersionLength} printable characters.");
        }

        return errors.HasUnder("consent") || dataSharing is null || sms is null || obtainedAt is null || method is null
            ? null
            : new Consent(dataSharing.Value, sms.Value, obtainedAt.Value.ToUniversalTime(), method.Value, textVersion!);
    }

    /// <summary>Consent counts from its Belgrade date: not after <paramref name="today"/>, and not more than
    /// <see cref="IntakeOptions.MaxConsentAgeDays"/> before it.</summary>
    private string? CheckConsentObtainedAt(DateTimeOffset at, DateOnly today)
    {
        // A UTC date after today is in the future in Belgrade too (ahead of UTC). Deciding that before converting keeps
        // instants at the end of the calendar out of the time zone conversion: 9999-12-31T23:00Z is already year 10000
        // in Belgrade, beyond what NodaTime (and DateOnly) can represent.
        const string Future = "Must not be in the future.";
        if (DateOnly.FromDateTime(at.UtcDateTime) > today)
        {
            return Future;
        }

        var date = BelgradeDate(at);
        if (date > today)
        {
            return Future;
        }

        return date < today.AddDays(-options.MaxConsentAgeDays)
            ? $"Must not be more than {options.MaxConsentAgeDays} days in the past."
            : null;
    }

    private string? CheckNotes(string? value, Errors errors)
    {
        var notes = value?.Trim();
        if (string.IsNullOrEmpty(notes))
        {
            return null;
        }

        if (notes.Length > options.MaxNotesLength)
        {
            errors.Add("notes", $"Must be at most {options.MaxNotesLength} characters.");
            return null;
        }

        if (notes.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add("notes", "Must not contain control characters other than line breaks and tabs.");
            return null;
        }

        return notes;
    }

    private static DateOnly BelgradeDate(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(SerbianWorkingDayCalendar.Zone(TimeZones.Belgrade)).Date.ToDateOnly();

    // Control characters, and format characters such as zero-width spaces and bidirectional overrides that would make
    // a name look different from what it is.
    private static bool IsInvisibleOrControl(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Errors by JSON path, in the order found.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byPath = new(StringComparer.Ordinal);

        public bool Any => byPath.Count > 0;

        public void Add(string path, string message)
        {
            if (!byPath.TryGetValue(path, out var messages))
            {
                byPath[path] = messages = [];
            }

            messages.Add(message);
        }

        public bool Has(string path) => byPath.ContainsKey(path);

        public bool HasUnder(string prefix) =>
            byPath.Keys.Any(path => path.StartsWith(prefix + ".", StringComparison.Ordinal));

        public T? Required<T>(string path, T? value)
            where T : struct
        {
            if (value is null)
            {
                Add(path, IntakeValidator.Required);
            }

            return value;
        }

        /// <summary>Records <paramref name="error"/> if any; returns <paramref name="value"/> only when there was none.</summary>
        public T? Check<T>(string path, string? error, T? value)
        {
            if (error is null)
            {
                return value;
            }

            Add(path, error);
            return default;
        }

        public Dictionary<string, string[]> ToDictionary() =>
            byPath.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);
    }
}
