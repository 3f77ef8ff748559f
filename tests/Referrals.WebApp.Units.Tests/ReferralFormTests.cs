using Referrals.Contracts;
using Referrals.Web.Services;

namespace Referrals.WebApp.Units.Tests;

public sealed class ReferralFormTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("returnee.givenName", "GivenName")]
    [InlineData("returnee.phone", "Phone")]
    [InlineData("household.minors", "Minors")]
    [InlineData("needs[2]", "Needs")]
    [InlineData("vulnerabilities", "Vulnerabilities")]
    [InlineData("consent.textVersion", "ConsentTextVersion")]
    [InlineData("municipality", "Municipality")]
    [InlineData("returnee", null)]
    [InlineData("something.else", null)]
    public void Intake_error_paths_land_next_to_their_form_field(string path, string? field)
    {
        Assert.Equal(field, ReferralForm.FieldFor(path));
    }

    [Fact]
    public void The_form_becomes_the_api_submit_body()
    {
        var form = new ReferralForm
        {
            GivenName = "Ana",
            Email = "  ",
            PreferredLanguage = "sr-Cyrl",
            Needs = [Need.Housing, Need.Housing, Need.Documents],
            ConsentDataSharing = true,
            ConsentObtainedAt = new DateTime(2026, 7, 1, 10, 0, 0),
            Notes = "",
        };

        var request = form.ToRequest(Berlin);

        Assert.Equal("Ana", request.Returnee!.GivenName);
        Assert.Null(request.Returnee.Email);
        Assert.Equal(Language.SrCyrl, request.Returnee.PreferredLanguage);
        Assert.Equal([Need.Housing, Need.Documents], request.Needs!.Select(n => n!.Value));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), request.Consent!.ObtainedAt);
        Assert.True(request.Consent.DataSharing);
        Assert.Null(request.Notes);
    }

    [Fact]
    public void A_consent_time_skipped_by_the_spring_clock_change_is_read_as_the_hour_after()
    {
        var form = new ReferralForm { ConsentObtainedAt = new DateTime(2026, 3, 29, 2, 30, 0) };

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), form.ToRequest(Berlin).Consent!.ObtainedAt);
    }

    [Fact]
    public void An_unknown_language_is_left_out_for_the_validator_to_report()
    {
        Assert.Null(new ReferralForm { PreferredLanguage = "xx" }.ToRequest(Berlin).Returnee!.PreferredLanguage);
    }

    [Fact]
    public void A_consent_time_at_either_end_of_the_calendar_becomes_the_nearest_instant_for_the_API_to_refuse()
    {
        var azores = TimeZoneInfo.FindSystemTimeZoneById("Atlantic/Azores"); // behind UTC: past the last instant
        var last = new ReferralForm { ConsentObtainedAt = new DateTime(9999, 12, 31, 23, 30, 0) };
        var first = new ReferralForm { ConsentObtainedAt = new DateTime(1, 1, 1, 0, 30, 0) };

        Assert.Equal(DateTimeOffset.MaxValue, last.ToRequest(azores).Consent!.ObtainedAt);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 22, 30, 0, TimeSpan.Zero), last.ToRequest(Berlin).Consent!.ObtainedAt);
        Assert.Equal(DateTimeOffset.MinValue, first.ToRequest(Berlin).Consent!.ObtainedAt);
    }
}
