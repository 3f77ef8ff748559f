using Referrals.App.Hosting.Clock;

namespace Referrals.App.Tests.Hosting;

public sealed class IsoDurationTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "P3D", TimeSpan.FromDays(3) },
        { "P1W", TimeSpan.FromDays(7) },
        { "P52W", TimeSpan.FromDays(364) },
        { "PT2H", TimeSpan.FromHours(2) },
        { "PT90M", TimeSpan.FromMinutes(90) },
        { "PT45S", TimeSpan.FromSeconds(45) },
        { "PT1.5S", TimeSpan.FromMilliseconds(1500) },
        { "PT0,25S", TimeSpan.FromMilliseconds(250) },
        { "P1DT12H", TimeSpan.FromHours(36) },
        { "P2DT3H4M5S", new TimeSpan(2, 3, 4, 5) },
        { "PT1H30M", TimeSpan.FromMinutes(90) },
        { "P0D", TimeSpan.Zero },
        { "PT0S", TimeSpan.Zero },
        { "p3d", TimeSpan.FromDays(3) },
        { " P3D ", TimeSpan.FromDays(3) },
        { "P3660D", TimeSpan.FromDays(3660) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_accepts_days_weeks_and_time_parts(string text, TimeSpan expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(expected, duration);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("", "Required")]
    [InlineData("   ", "Required")]
    [InlineData("3D", "Not an ISO 8601 duration")]
    [InlineData("P", "Not an ISO 8601 duration")]
    [InlineData("PT", "Not an ISO 8601 duration")]
    [InlineData("P12", "unit letter")]
    [InlineData("PTH", "unit letter")]
    [InlineData("P1Y", "Years and months")]
    [InlineData("P2M", "Years and months")]
    [InlineData("P1DT", "'T' comes once")]
    [InlineData("PT1HT2M", "'T' comes once")]
    [InlineData("PT3D", "'D' is not allowed")]
    [InlineData("P3H", "'H' is not allowed")]
    [InlineData("PT5M1H", "'H' is not allowed")]
    [InlineData("P1D1D", "'D' is not allowed")]
    [InlineData("P1X", "'X' is not allowed")]
    [InlineData("P1W2D", "Weeks stand alone")]
    [InlineData("P1.5D", "Only seconds")]
    [InlineData("PT1.5.2S", "is not a number")]
    [InlineData("-P3D", "only moves forward")]
    [InlineData("P3661D", "Longer than")]
    [InlineData("P99999999999999999999D", "Longer than")]
    [InlineData("PT316224001S", "Longer than")]
    public void TryParse_rejects_with_a_reason(string? text, string reason)
    {
        Assert.False(IsoDuration.TryParse(text, out var duration, out var error));
        Assert.Equal(TimeSpan.Zero, duration);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
