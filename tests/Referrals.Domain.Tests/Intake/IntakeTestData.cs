using System.Globalization;
using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Intake;
using Referrals.Domain.Model;

namespace Referrals.Domain.Tests.Intake;

/// <summary>A valid submission (fictional person, test-range numbers) and a validator over the shipped data.</summary>
internal static class IntakeTestData
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly Referrer Scout = new("scout-1", "org-example");

    private static readonly ReferenceData Data = ReferenceDataLoader.Load(new ReferenceDataOptions());

    public static IntakeValidator Validator(IntakeOptions? options = null) =>
        new(Data.Municipalities, Data.Mscs, Options.Create(options ?? new IntakeOptions()));

    public static SubmitReferralRequest Valid() => new()
    {
        Returnee = new ReturneeInput
        {
            GivenName = "Marko",
            FamilyName = "Primer",
            DateOfBirth = new DateOnly(1988, 4, 12),
            Gender = Gender.Male,
            Phone = "+4915199990001",
            Email = null,
            PreferredLanguage = Language.SrLatn,
        },
        Household = new HouseholdInput { Adults = 2, Minors = 3 },
        ExpectedReturnDate = new DateOnly(2026, 12, 10),
        ArrivalPoint = "BEG",
        Municipality = "Niš",
        Needs = [Need.Employment, Need.Documents, Need.Education],
        Vulnerabilities = [],
        Priority = Priority.Normal,
        Consent = new ConsentInput
        {
            DataSharing = true,
            Sms = true,
            ObtainedAt = DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture),
            Method = ConsentMethod.SignedForm,
            TextVersion = "2026-1",
        },
        Notes = null,
    };

    public static SubmitReferralRequest WithReturnee(Func<ReturneeInput, ReturneeInput> change)
    {
        var valid = Valid();
        return valid with { Returnee = change(valid.Returnee!) };
    }

    public static SubmitReferralRequest WithConsent(Func<ConsentInput, ConsentInput> change)
    {
        var valid = Valid();
        return valid with { Consent = change(valid.Consent!) };
    }

    public static IntakeResult Validate(SubmitReferralRequest request, IntakeOptions? options = null) =>
        Validator(options).Validate(request, Scout, Today);

    /// <summary>Asserts the result is rejected with exactly these error paths and returns the errors.</summary>
    public static IReadOnlyDictionary<string, string[]> AssertRejected(IntakeResult result, params string[] paths)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Details);
        Assert.Equal(paths.Order(StringComparer.Ordinal), result.Errors.Keys.Order(StringComparer.Ordinal));
        return result.Errors;
    }
}
