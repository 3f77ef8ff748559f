using System.Globalization;
using Referrals.Web.Localization;

namespace Referrals.WebApp.Units.Tests;

public sealed class CountdownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2 * 24 * 60 + 4 * 60, "in 2 d 4 h")]
    [InlineData(5 * 60 + 30, "in 5 h 30 min")]
    [InlineData(42, "in 42 min")]
    [InlineData(0, "in 1 min")]
    [InlineData(-90, "1 h 30 min ago")]
    [InlineData(-3 * 24 * 60, "3 d 0 h ago")]
    public void Countdown_says_how_long_until_or_since_the_deadline(int minutes, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal(expected, UiClock.Countdown(Now.AddMinutes(minutes), Now, new UiText()));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
