using System.Text.Json.Serialization;

namespace Referrals.Contracts;

/// <summary>
/// The body of <c>POST /api/referrals</c> exactly as sent (API.md). Every member is nullable so that a missing field
/// is reported by <see cref="IntakeValidator"/> with its path instead of silently becoming a default.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitReferralRequest
{
    [JsonPropertyName("returnee")]
    public ReturneeInput? Returnee { get; init; }

    [JsonPropertyName("household")]
    public HouseholdInput? Household { get; init; }

    [JsonPropertyName("expectedReturnDate")]
    public DateOnly? ExpectedReturnDate { get; init; }

    [JsonPropertyName("arrivalPoint")]
    public string? ArrivalPoint { get; init; }

    [JsonPropertyName("municipality")]
    public string? Municipality { get; init; }

    [JsonPropertyName("needs")]
    public IReadOnlyList<Need?>? Needs { get; init; }

    [JsonPropertyName("vulnerabilities")]
    public IReadOnlyList<Vulnerability?>? Vulnerabilities { get; init; }

    [JsonPropertyName("priority")]
    public Priority? Priority { get; init; }

    [JsonPropertyName("consent")]
    public ConsentInput? Consent { get; init; }

    /// <summary>Optional free text.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}

/// <summary>The <c>returnee</c> part of the submit body.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReturneeInput
{
    [JsonPropertyName("givenName")]
    public string? GivenName { get; init; }

    [JsonPropertyName("familyName")]
    public string? FamilyName { get; init; }

    [JsonPropertyName("dateOfBirth")]
    public DateOnly? DateOfBirth { get; init; }

    [JsonPropertyName("gender")]
    public Gender? Gender { get; init; }

    /// <summary>International format with the country code ("+49 151 …"); normalized to E.164.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Optional.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    // On the property, so BCP 47 tags are read even where a general enum converter is registered.
    [JsonPropertyName("preferredLanguage")]
    [JsonConverter(typeof(LanguageJsonConverter))]
    public Language? PreferredLanguage { get; init; }
}

/// <summary>The <c>household</c> part of the submit body.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HouseholdInput
{
    [JsonPropertyName("adults")]
    public int? Adults { get; init; }

    [JsonPropertyName("minors")]
    public int? Minors { get; init; }
}

/// <summary>The <c>consent</c> part of the submit body.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsentInput
{
    [JsonPropertyName("dataSharing")]
    public bool? DataSharing { get; init; }

    [JsonPropertyName("sms")]
    public bool? Sms { get; init; }

    [JsonPropertyName("obtainedAt")]
    public DateTimeOffset? ObtainedAt { get; init; }

    [JsonPropertyName("method")]
    public ConsentMethod? Method { get; init; }

    [JsonPropertyName("textVersion")]
    public string? TextVersion { get; init; }
}
