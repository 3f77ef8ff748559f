using System.Globalization;
using Referrals.Contracts;
using Referrals.Web.Localization;

namespace Referrals.WebApp.Units.Tests;

public sealed class UiTextTests
{
    [Theory]
    [InlineData(UiCultures.SerbianLatin)]
    [InlineData(UiCultures.German)]
    public void Every_language_has_exactly_the_english_keys(string language)
    {
        var english = UiText.Keys[UiCultures.English].ToHashSet(StringComparer.Ordinal);
        var other = UiText.Keys[language].ToHashSet(StringComparer.Ordinal);

        Assert.Empty(english.Except(other));
        Assert.Empty(other.Except(english));
    }

    public static TheoryData<Enum> EnumValues()
    {
        var data = new TheoryData<Enum>();
        foreach (var type in new[] { typeof(Role), typeof(ReferralStatus), typeof(Priority), typeof(Gender), typeof(Language),
            typeof(Need), typeof(Vulnerability), typeof(ConsentMethod), typeof(RejectionReason), typeof(DeadlineState),
            typeof(MessageStatus) })
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                data.Add(value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void Every_enum_value_shown_on_a_page_has_a_text(Enum value)
    {
        var name = value.ToString();
        var key = $"{value.GetType().Name}.{char.ToLowerInvariant(name[0])}{name[1..]}";

        Assert.Contains(key, UiText.Keys[UiCultures.English]);
    }

    [Theory]
    [InlineData("sr-Latn", "Prijava")]
    [InlineData("en", "Sign in")]
    [InlineData("de", "Anmelden")]
    public void Texts_follow_the_current_ui_culture(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, new UiText()["signin.title"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void An_unknown_code_shows_the_code_itself_rather_than_nothing()
    {
        Assert.Equal("somethingNew", new UiText().Code("timeline", "somethingNew"));
    }
}
