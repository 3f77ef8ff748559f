using Referrals.Contracts;

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
