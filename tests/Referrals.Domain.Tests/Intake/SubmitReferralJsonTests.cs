using System.Text.Json;
using System.Text.Json.Serialization;
using Referrals.Contracts;
using Referrals.Domain.Intake;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Intake.IntakeTestData;

namespace Referrals.Domain.Tests.Intake;

public sealed class SubmitReferralJsonTests
{
    // The example body of API.md, with test-range numbers.
    private const string ExampleBody = """
        {
          "returnee": {
            "givenName": "Marko", "familyName": "Jovanović", "dateOfBirth": "1988-04-12", "gender": "male",
            "phone": "+4915199990001", "email": null, "preferredLanguage": "sr-Latn"
          },
          "household": { "adults": 2, "minors": 3 },
          "expectedReturnDate": "2026-12-10",
          "arrivalPoint": "BEG",
          "municipality": "Niš",
          "needs": ["employment", "documents", "education"],
          "vulnerabilities": [],
          "priority": "normal",
          "consent": { "dataSharing": true, "sms": true, "obtainedAt": "2026-11-20T10:00:00Z", "method": "signedForm", "textVersion": "2026-1" },
          "notes": "optional free text, at most 2000 characters"
        }
        """;

    // Like the API's input options: a general camelCase enum converter that on its own would read "srLatn".
    private static readonly JsonSerializerOptions GeneralEnumOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static TheoryData<string> OptionSets => ["referral", "general-enum"];

    private static JsonSerializerOptions OptionsFor(string name) => name == "referral" ? ReferralJson.Options : GeneralEnumOptions;

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void The_API_example_body_reads_into_a_valid_referral(string options)
    {
        var request = JsonSerializer.Deserialize<SubmitReferralRequest>(ExampleBody, OptionsFor(options))!;

        Assert.Equal(Language.SrLatn, request.Returnee?.PreferredLanguage);
        Assert.Equal(Gender.Male, request.Returnee?.Gender);
        Assert.Equal([Need.Employment, Need.Documents, Need.Education], request.Needs!);
        Assert.Equal(ConsentMethod.SignedForm, request.Consent?.Method);
        var result = Validator().Validate(request, Scout, Today);
        Assert.True(result.IsValid);
        Assert.Equal("nis", result.Details.MunicipalityCode);
    }

    [Theory]
    [InlineData("sr-Latn", Language.SrLatn)]
    [InlineData("sr-Cyrl", Language.SrCyrl)]
    [InlineData("SR-CYRL", Language.SrCyrl)]
    [InlineData("de", Language.De)]
    [InlineData("en", Language.En)]
    [InlineData("rom", Language.Rom)]
    public void Preferred_language_reads_BCP_47_tags(string tag, Language language)
    {
        var request = JsonSerializer.Deserialize<ReturneeInput>($$"""{"preferredLanguage":"{{tag}}"}""", GeneralEnumOptions)!;
        Assert.Equal(language, request.PreferredLanguage);
    }

    [Theory]
    [InlineData("\"srLatn\"")]
    [InlineData("\"sr\"")]
    [InlineData("0")]
    public void An_unknown_language_fails_with_the_tags_listed(string json)
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<ReturneeInput>($$"""{"preferredLanguage":{{json}}}""", ReferralJson.Options));
        Assert.Contains("sr-Latn, sr-Cyrl, de, en, rom", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.preferredLanguage", error.Path);
    }

    [Theory]
    [InlineData("\"Male\"")]
    [InlineData("\"robot\"")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"male, female\"")]
    public void Enums_accept_only_their_exact_camelCase_names(string json)
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<ReturneeInput>($$"""{"gender":{{json}}}""", ReferralJson.Options));
        Assert.StartsWith("Not a valid gender. Expected one of: female, male, other, undisclosed.", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.gender", error.Path);
    }

    [Fact]
    public void An_unknown_need_fails_at_its_index()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<SubmitReferralRequest>("""{"needs":["employment","money"]}""", ReferralJson.Options));
        Assert.Equal("$.needs[1]", error.Path);
        Assert.Contains("recognitionOfQualifications", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_refused_rather_than_dropped()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<SubmitReferralRequest>("""{"returnee":{"givenName":"Marko","middleName":"X"}}""", ReferralJson.Options));
        Assert.Contains("middleName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_members_stay_null_for_the_validator_to_report()
    {
        var request = JsonSerializer.Deserialize<SubmitReferralRequest>("""{"household":{"adults":1}}""", ReferralJson.Options)!;
        Assert.Null(request.Household?.Minors);
        AssertRejected(Validator().Validate(request with
        {
            Returnee = Valid().Returnee, ExpectedReturnDate = Valid().ExpectedReturnDate, ArrivalPoint = "BEG",
            Municipality = "nis", Needs = Valid().Needs, Vulnerabilities = [], Priority = Priority.Urgent,
            Consent = Valid().Consent,
        }, Scout, Today), "household.minors");
    }

    [Fact]
    public void Referral_details_write_language_tags_and_camelCase_enums()
    {
        var details = Validate(Valid()).Details!;
        var json = JsonSerializer.Serialize(details, ReferralJson.Options);
        Assert.Contains("\"preferredLanguage\":\"sr-Latn\"", json, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"signedForm\"", json, StringComparison.Ordinal);
        Assert.Contains("\"needs\":[\"employment\",\"documents\",\"education\"]", json, StringComparison.Ordinal);
        Assert.Equal(details.Returnee, JsonSerializer.Deserialize<ReferralDetails>(json, ReferralJson.Options)!.Returnee);
    }

    [Fact]
    public void AddConverters_puts_the_referral_converters_ahead_of_a_general_enum_converter()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        ReferralJson.AddConverters(options.Converters);
        Assert.Equal("\"sr-Cyrl\"", JsonSerializer.Serialize(Language.SrCyrl, options));
        Assert.Equal("\"healthInsurance\"", JsonSerializer.Serialize(Need.HealthInsurance, options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Priority>("\"Urgent\"", options));
    }

    [Fact]
    public void Without_any_enum_converter_Language_still_uses_its_tag()
    {
        Assert.Equal("\"rom\"", JsonSerializer.Serialize(Language.Rom, new JsonSerializerOptions()));
    }
}
