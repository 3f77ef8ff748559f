using System.Globalization;
using Referrals.Contracts;
using Referrals.Domain.Intake;
using Referrals.Domain.Model;
using static Referrals.Domain.Tests.Intake.IntakeTestData;

namespace Referrals.Domain.Tests.Intake;

public sealed class IntakeValidatorTests
{
    private static DateOnly D(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void A_valid_submission_is_normalized_and_routed()
    {
        var request = Valid() with
        {
            Returnee = Valid().Returnee! with
            {
                GivenName = "  Marko ",
                FamilyName = " Jovanović",
                Phone = " +49 151 9999 0001 ",
                Email = " marko@mail.example ",
            },
            Municipality = "Ниш",
            ArrivalPoint = "beg",
            Notes = "  Needs help with the children's school reports.\n  ",
            Consent = Valid().Consent! with { ObtainedAt = DateTimeOffset.Parse("2026-11-20T11:00:00+01:00", CultureInfo.InvariantCulture) },
        };

        var result = Validator().Validate(request, Scout, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Empty(result.Errors);
        var details = result.Details;
        Assert.Equal(new Returnee("Marko", "Jovanović", D("1988-04-12"), Gender.Male, "+4915199990001", "marko@mail.example", Language.SrLatn), details.Returnee);
        Assert.Equal(new Household(2, 3), details.Household);
        Assert.Equal(D("2026-12-10"), details.ExpectedReturnDate);
        Assert.Equal("BEG", details.ArrivalPoint);
        Assert.Equal("nis", details.MunicipalityCode);
        Assert.Equal([Need.Employment, Need.Documents, Need.Education], details.Needs);
        Assert.Empty(details.Vulnerabilities);
        Assert.Equal(Priority.Normal, details.Priority);
        Assert.Equal(new Consent(true, true, DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture), ConsentMethod.SignedForm, "2026-1"), details.Consent);
        Assert.Equal(TimeSpan.Zero, details.Consent.ObtainedAt.Offset);
        Assert.Equal("Needs help with the children's school reports.", details.Notes);
        Assert.Equal(Scout, details.Referrer);
        Assert.Equal("nis", result.Msc.Id);
    }

    [Theory]
    [InlineData("returnee")]
    [InlineData("returnee.givenName")]
    [InlineData("returnee.familyName")]
    [InlineData("returnee.dateOfBirth")]
    [InlineData("returnee.gender")]
    [InlineData("returnee.phone")]
    [InlineData("returnee.preferredLanguage")]
    [InlineData("household")]
    [InlineData("household.adults")]
    [InlineData("household.minors")]
    [InlineData("expectedReturnDate")]
    [InlineData("arrivalPoint")]
    [InlineData("municipality")]
    [InlineData("needs")]
    [InlineData("vulnerabilities")]
    [InlineData("priority")]
    [InlineData("consent")]
    [InlineData("consent.dataSharing")]
    [InlineData("consent.sms")]
    [InlineData("consent.obtainedAt")]
    [InlineData("consent.method")]
    [InlineData("consent.textVersion")]
    public void A_missing_required_field_is_reported_at_its_path(string path)
    {
        var errors = AssertRejected(Validate(Without(path)), path);
        Assert.StartsWith("Required", Assert.Single(errors[path]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var request = new SubmitReferralRequest();
        var result = Validate(request);
        AssertRejected(result, "returnee", "household", "expectedReturnDate", "arrivalPoint", "municipality", "needs",
            "vulnerabilities", "priority", "consent");
    }

    [Theory]
    [InlineData("returnee.email")]
    [InlineData("notes")]
    public void Optional_fields_may_be_left_out(string path)
    {
        Assert.True(Validate(Without(path)).IsValid);
    }

    [Theory]
    [InlineData("   ", "Required.")]
    [InlineData("A\u0007b", "Must not contain control or invisible formatting characters.")]
    [InlineData("Mar\nko", "Must not contain control or invisible formatting characters.")]
    [InlineData("Mar\u200Bko", "Must not contain control or invisible formatting characters.")]
    [InlineData("\u202Eokram", "Must not contain control or invisible formatting characters.")]
    public void A_name_that_is_blank_or_has_hidden_characters_is_rejected(string name, string message)
    {
        var errors = AssertRejected(Validate(WithReturnee(r => r with { GivenName = name })), "returnee.givenName");
        Assert.Equal([message], errors["returnee.givenName"]);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Names_are_limited_to_100_characters(int length, bool valid)
    {
        var result = Validate(WithReturnee(r => r with { FamilyName = new string('ž', length) }));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["Must be at most 100 characters."], AssertRejected(result, "returnee.familyName")["returnee.familyName"]);
        }
    }

    [Theory]
    [InlineData("Đorđe", true)]
    [InlineData("Ђорђе", true)]
    [InlineData("Anne-Marie O'Neil", true)]
    public void Names_in_either_script_with_hyphens_and_apostrophes_are_accepted(string name, bool valid)
    {
        Assert.Equal(valid, Validate(WithReturnee(r => r with { GivenName = name })).IsValid);
    }

    [Theory]
    [InlineData("2026-11-24", true)]
    [InlineData("1906-11-25", true)] // exactly 120 years
    [InlineData("1906-11-24", false)] // a day more
    [InlineData("2026-11-25", false)] // today
    [InlineData("2027-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Date_of_birth_must_be_in_the_past_and_within_120_years(string dateOfBirth, bool valid)
    {
        var result = Validate(WithReturnee(r => r with { DateOfBirth = D(dateOfBirth) }));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertRejected(result, "returnee.dateOfBirth");
        }
    }

    [Theory]
    [InlineData("2027-11-26", true)] // today + 366
    [InlineData("2027-11-27", false)] // today + 367
    [InlineData("2026-10-26", true)] // today - 30
    [InlineData("2026-10-25", false)] // today - 31
    [InlineData("2026-11-25", true)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Expected_return_date_is_within_a_year_ahead_and_30_days_back(string date, bool valid)
    {
        var result = Validate(Valid() with { ExpectedReturnDate = D(date) });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertRejected(result, "expectedReturnDate");
        }
    }

    [Fact]
    public void Expected_return_date_limits_are_configurable()
    {
        var options = new IntakeOptions { MaxReturnDaysAhead = 10, MaxReturnDaysPast = 0 };
        var errors = AssertRejected(Validate(Valid() with { ExpectedReturnDate = D("2026-12-06") }, options), "expectedReturnDate");
        Assert.Equal(["Must be at most 10 days from today."], errors["expectedReturnDate"]);
        errors = AssertRejected(Validate(Valid() with { ExpectedReturnDate = D("2026-11-24") }, options), "expectedReturnDate");
        Assert.Equal(["Must not be more than 0 days in the past."], errors["expectedReturnDate"]);
    }

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(20, 20, null)]
    [InlineData(0, 0, "household.adults")]
    [InlineData(-1, 0, "household.adults")]
    [InlineData(21, 0, "household.adults")]
    [InlineData(1, -1, "household.minors")]
    [InlineData(1, 21, "household.minors")]
    public void Household_needs_at_least_one_adult_and_sane_numbers(int adults, int minors, string? errorPath)
    {
        var result = Validate(Valid() with { Household = new HouseholdInput { Adults = adults, Minors = minors } });
        if (errorPath is null)
        {
            Assert.True(result.IsValid);
            Assert.Equal(new Household(adults, minors), result.Details.Household);
        }
        else
        {
            AssertRejected(result, errorPath);
        }
    }

    [Fact]
    public void Needs_must_not_be_empty()
    {
        var errors = AssertRejected(Validate(Valid() with { Needs = [] }), "needs");
        Assert.Equal(["Must name at least one."], errors["needs"]);
    }

    [Fact]
    public void A_duplicate_need_is_reported_at_its_index()
    {
        var errors = AssertRejected(Validate(Valid() with { Needs = [Need.Employment, Need.Housing, Need.Employment] }), "needs[2]");
        Assert.Equal(["Listed twice (also at needs[0])."], errors["needs[2]"]);
    }

    [Fact]
    public void A_null_need_is_reported_at_its_index()
    {
        var errors = AssertRejected(Validate(Valid() with { Needs = [Need.Employment, null] }), "needs[1]");
        Assert.Equal(["Must not be null."], errors["needs[1]"]);
    }

    [Fact]
    public void Vulnerabilities_are_recorded_with_consent()
    {
        var result = Validate(Valid() with { Vulnerabilities = [Vulnerability.SingleParent, Vulnerability.Minor] });
        Assert.True(result.IsValid);
        Assert.Equal([Vulnerability.SingleParent, Vulnerability.Minor], result.Details.Vulnerabilities);
    }

    [Fact]
    public void Vulnerabilities_without_consent_to_share_are_refused()
    {
        var request = WithConsent(c => c with { DataSharing = false }) with { Vulnerabilities = [Vulnerability.Disability] };
        var errors = AssertRejected(Validate(request), "consent.dataSharing", "vulnerabilities");
        Assert.Contains("consent", errors["vulnerabilities"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_vulnerability_is_reported_at_its_index()
    {
        AssertRejected(Validate(Valid() with { Vulnerabilities = [Vulnerability.Elderly, Vulnerability.Elderly] }), "vulnerabilities[1]");
    }

    [Fact]
    public void No_referral_is_accepted_without_consent_to_share()
    {
        var errors = AssertRejected(Validate(WithConsent(c => c with { DataSharing = false })), "consent.dataSharing");
        Assert.StartsWith("No referral is accepted without consent to share", Assert.Single(errors["consent.dataSharing"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-25T22:59:00Z", true)] // 23:59 in Belgrade, still today
    [InlineData("2026-11-25T23:00:00Z", false)] // midnight in Belgrade: tomorrow
    [InlineData("2026-11-26T09:00:00Z", false)]
    [InlineData("2025-01-01T09:00:00Z", true)]
    public void Consent_must_not_be_obtained_in_the_future(string obtainedAt, bool valid)
    {
        var result = Validate(WithConsent(c => c with { ObtainedAt = DateTimeOffset.Parse(obtainedAt, CultureInfo.InvariantCulture) }));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["Must not be in the future."], AssertRejected(result, "consent.obtainedAt")["consent.obtainedAt"]);
        }
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00Z")] // already the year 10000 in Belgrade
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("9999-12-31T22:59:59Z")]
    public void Consent_at_the_end_of_the_calendar_is_in_the_future_not_an_exception(string obtainedAt)
    {
        var result = Validate(WithConsent(c => c with { ObtainedAt = DateTimeOffset.Parse(obtainedAt, CultureInfo.InvariantCulture) }));

        Assert.Equal(["Must not be in the future."], AssertRejected(result, "consent.obtainedAt")["consent.obtainedAt"]);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("1926-11-20T10:00:00Z", false)]
    [InlineData("2024-11-24T22:59:00Z", false)] // 23:59 in Belgrade, 731 days before today
    [InlineData("2024-11-24T23:00:00Z", true)] // midnight in Belgrade: exactly 730 days before today
    [InlineData("2026-11-25T10:00:00Z", true)]
    public void Consent_must_not_be_obtained_more_than_two_years_before_today(string obtainedAt, bool valid)
    {
        var result = Validate(WithConsent(c => c with { ObtainedAt = DateTimeOffset.Parse(obtainedAt, CultureInfo.InvariantCulture) }));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["Must not be more than 730 days in the past."], AssertRejected(result, "consent.obtainedAt")["consent.obtainedAt"]);
        }
    }

    [Fact]
    public void The_oldest_acceptable_consent_is_configurable()
    {
        var options = new IntakeOptions { MaxConsentAgeDays = 1 };
        var yesterday = WithConsent(c => c with { ObtainedAt = DateTimeOffset.Parse("2026-11-24T10:00:00Z", CultureInfo.InvariantCulture) });
        var twoDaysAgo = WithConsent(c => c with { ObtainedAt = DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture) });

        Assert.True(Validate(yesterday, options).IsValid);
        Assert.Equal(["Must not be more than 1 days in the past."], AssertRejected(Validate(twoDaysAgo, options), "consent.obtainedAt")["consent.obtainedAt"]);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void A_changed_return_date_at_either_end_of_the_calendar_is_an_error_not_an_exception(string date)
    {
        Assert.NotNull(Validator().CheckExpectedReturnDate(D(date), Today));
    }

    [Theory]
    [InlineData(" ", false)]
    [InlineData("2026-1", true)]
    [InlineData("v\u0000", false)]
    public void Consent_text_version_is_required_and_printable(string version, bool valid)
    {
        var result = Validate(WithConsent(c => c with { TextVersion = version }));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertRejected(result, "consent.textVersion");
        }
    }

    [Fact]
    public void Consent_text_version_is_limited_in_length()
    {
        AssertRejected(Validate(WithConsent(c => c with { TextVersion = new string('v', 51) })), "consent.textVersion");
    }

    [Fact]
    public void Without_SMS_consent_the_referral_is_still_accepted()
    {
        var result = Validate(WithConsent(c => c with { Sms = false }));
        Assert.True(result.IsValid);
        Assert.False(result.Details.Consent.Sms);
    }

    [Theory]
    [InlineData(ConsentMethod.SignedForm)]
    [InlineData(ConsentMethod.VerbalWithWitness)]
    public void Both_consent_methods_are_accepted(ConsentMethod method)
    {
        Assert.Equal(method, Validate(WithConsent(c => c with { Method = method })).Details?.Consent.Method);
    }

    [Theory]
    [InlineData(Priority.Emergency)]
    [InlineData(Priority.Urgent)]
    [InlineData(Priority.Normal)]
    public void Every_priority_is_accepted(Priority priority)
    {
        Assert.Equal(priority, Validate(Valid() with { Priority = priority }).Details?.Priority);
    }

    [Theory]
    [InlineData("BEG", "BEG")]
    [InlineData("beg", "BEG")]
    [InlineData("INI", "INI")]
    [InlineData("KVO", "KVO")]
    [InlineData("horgos", "horgos")]
    [InlineData("Batrovci", "batrovci")]
    [InlineData("presevo", "presevo")]
    [InlineData(" other ", "other")]
    public void Known_arrival_points_are_accepted_with_their_canonical_code(string input, string code)
    {
        Assert.Equal(code, Validate(Valid() with { ArrivalPoint = input }).Details?.ArrivalPoint);
    }

    [Theory]
    [InlineData("FRA")]
    [InlineData("Belgrade")]
    public void An_unknown_arrival_point_lists_the_known_codes(string input)
    {
        var errors = AssertRejected(Validate(Valid() with { ArrivalPoint = input }), "arrivalPoint");
        Assert.Contains("BEG, INI, KVO", errors["arrivalPoint"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Niš", "nis", "nis")]
    [InlineData("nis", "nis", "nis")]
    [InlineData("НИШ", "nis", "nis")]
    [InlineData("Čačak", "cacak", "kraljevo")]
    [InlineData("Savski venac", "beograd-savski-venac", "beograd")]
    [InlineData("beograd-zemun", "beograd-zemun", "beograd")]
    [InlineData("Sjenica", "sjenica", "novi-pazar")]
    public void The_municipality_is_resolved_to_its_code_and_routed(string input, string code, string msc)
    {
        var result = Validate(Valid() with { Municipality = input });
        Assert.True(result.IsValid);
        Assert.Equal(code, result.Details.MunicipalityCode);
        Assert.Equal(msc, result.Msc.Id);
    }

    [Fact]
    public void An_unknown_municipality_suggests_close_matches()
    {
        var errors = AssertRejected(Validate(Valid() with { Municipality = "Nish" }), "municipality");
        Assert.Equal(["Unknown municipality. Did you mean: Niš (nis)?"], errors["municipality"]);
    }

    [Fact]
    public void A_municipality_far_from_any_name_says_what_to_give()
    {
        var errors = AssertRejected(Validate(Valid() with { Municipality = "Springfield" }), "municipality");
        Assert.StartsWith("Unknown municipality. Give the Serbian name", errors["municipality"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marko@mail.example", "marko@mail.example")]
    [InlineData("  marko.primer+rs@mail.example ", "marko.primer+rs@mail.example")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void A_valid_or_empty_email_is_accepted(string email, string? expected)
    {
        Assert.Equal(expected, Validate(WithReturnee(r => r with { Email = email })).Details?.Returnee.Email);
    }

    [Theory]
    [InlineData("marko")]
    [InlineData("marko@")]
    [InlineData("@mail.example")]
    [InlineData("marko@mail")]
    [InlineData("marko@mail.example.")]
    [InlineData("Marko <marko@mail.example>")]
    [InlineData("a@mail.example, b@mail.example")]
    [InlineData("marko @mail.example")]
    public void An_invalid_email_is_rejected(string email)
    {
        var errors = AssertRejected(Validate(WithReturnee(r => r with { Email = email })), "returnee.email");
        Assert.DoesNotContain(email, errors["returnee.email"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_over_254_characters_is_rejected()
    {
        AssertRejected(Validate(WithReturnee(r => r with { Email = new string('a', 64) + "@" + new string('b', 185) + ".example" })), "returnee.email");
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Notes_are_limited_to_2000_characters(int length, bool valid)
    {
        var result = Validate(Valid() with { Notes = new string('n', length) });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["Must be at most 2000 characters."], AssertRejected(result, "notes")["notes"]);
        }
    }

    [Theory]
    [InlineData("Line one\r\nLine two\twith a tab", true)]
    [InlineData("bell\u0007", false)]
    [InlineData("nul\u0000", false)]
    public void Notes_allow_line_breaks_and_tabs_but_no_other_control_characters(string notes, bool valid)
    {
        Assert.Equal(valid, Validate(Valid() with { Notes = notes }).IsValid);
    }

    [Fact]
    public void Whitespace_notes_become_no_notes()
    {
        Assert.Null(Validate(Valid() with { Notes = " \n " }).Details?.Notes);
    }

    private static SubmitReferralRequest Without(string path) => path switch
    {
        "returnee" => Valid() with { Returnee = null },
        "returnee.givenName" => WithReturnee(r => r with { GivenName = null }),
        "returnee.familyName" => WithReturnee(r => r with { FamilyName = null }),
        "returnee.dateOfBirth" => WithReturnee(r => r with { DateOfBirth = null }),
        "returnee.gender" => WithReturnee(r => r with { Gender = null }),
        "returnee.phone" => WithReturnee(r => r with { Phone = null }),
        "returnee.email" => WithReturnee(r => r with { Email = null }),
        "returnee.preferredLanguage" => WithReturnee(r => r with { PreferredLanguage = null }),
        "household" => Valid() with { Household = null },
        "household.adults" => Valid() with { Household = new HouseholdInput { Minors = 0 } },
        "household.minors" => Valid() with { Household = new HouseholdInput { Adults = 1 } },
        "expectedReturnDate" => Valid() with { ExpectedReturnDate = null },
        "arrivalPoint" => Valid() with { ArrivalPoint = null },
        "municipality" => Valid() with { Municipality = null },
        "needs" => Valid() with { Needs = null },
        "vulnerabilities" => Valid() with { Vulnerabilities = null },
        "priority" => Valid() with { Priority = null },
        "notes" => Valid() with { Notes = null },
        "consent" => Valid() with { Consent = null },
        "consent.dataSharing" => WithConsent(c => c with { DataSharing = null }),
        "consent.sms" => WithConsent(c => c with { Sms = null }),
        "consent.obtainedAt" => WithConsent(c => c with { ObtainedAt = null }),
        "consent.method" => WithConsent(c => c with { Method = null }),
        "consent.textVersion" => WithConsent(c => c with { TextVersion = null }),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };
}
