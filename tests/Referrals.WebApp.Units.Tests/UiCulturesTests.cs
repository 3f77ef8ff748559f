using Referrals.Web.Localization;

namespace Referrals.WebApp.Units.Tests;

public sealed class UiCulturesTests
{
    [Theory]
    [InlineData("sr-RS,sr;q=0.9", "sr-Latn")]
    [InlineData("sr-Cyrl-RS", "sr-Latn")]
    [InlineData("de-AT,de;q=0.8,en;q=0.5", "de")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR,de;q=0.4,en;q=0.9", "en")]
    [InlineData("fr-FR,it;q=0.8", null)]
    [InlineData("de;q=0,en;q=0.1", "en")]
    [InlineData("", null)]
    public void Accept_language_picks_the_best_supported_language(string header, string? expected)
    {
        Assert.Equal(expected, UiCultures.Match([header]));
    }
}
