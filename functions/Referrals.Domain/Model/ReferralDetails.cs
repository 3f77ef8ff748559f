namespace Referrals.Domain.Model;

/// <summary>The returnee as submitted, after validation (phone numbers normalized to E.164).</summary>
public sealed record Returnee(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Gender Gender,
    string Phone,
    string? Email,
    Language PreferredLanguage);

public sealed record Household(int Adults, int Minors);

/// <summary>What the returnee agreed to, who recorded it, when, how, and which version of the consent text.</summary>
public sealed record Consent(
    bool DataSharing,
    bool Sms,
    DateTimeOffset ObtainedAt,
    ConsentMethod Method,
    string TextVersion);

/// <summary>Who submitted the referral.</summary>
public sealed record Referrer(string ScoutId, string Organisation);

/// <summary>
/// A validated referral as it enters the workflow: every field of the submit body, normalized, plus the
/// municipality resolved to its code and the MSC it routes to.
/// </summary>
public sealed record ReferralDetails(
    Returnee Returnee,
    Household Household,
    DateOnly ExpectedReturnDate,
    string ArrivalPoint,
    string MunicipalityCode,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    Priority Priority,
    Consent Consent,
    string? Notes,
    Referrer Referrer);
