using Referrals.Domain.Calendar;

namespace Referrals.Domain.Tests.Calendar;

public sealed class OrthodoxEasterTests
{
    [Theory]
    [InlineData(2008, "2008-04-27")]
    [InlineData(2010, "2010-04-04")]
    [InlineData(2016, "2016-05-01")]
    [InlineData(2017, "2017-04-16")]
    [InlineData(2018, "2018-04-08")]
    [InlineData(2019, "2019-04-28")]
    [InlineData(2020, "2020-04-19")]
    [InlineData(2021, "2021-05-02")]
    [InlineData(2022, "2022-04-24")]
    [InlineData(2023, "2023-04-16")]
    [InlineData(2024, "2024-05-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-12")]
    [InlineData(2027, "2027-05-02")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-08")]
    [InlineData(2030, "2030-04-28")]
    public void Sunday_returns_the_Gregorian_date_of_Orthodox_Easter(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), OrthodoxEaster.Sunday(year));
    }

    [Fact]
    public void Sunday_always_falls_on_a_Sunday_between_4_April_and_8_May_this_century()
    {
        for (var year = 1900; year < 2100; year++)
        {
            var easter = OrthodoxEaster.Sunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 4, 4), new DateOnly(year, 5, 8));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(4100)]
    public void Sunday_rejects_years_outside_the_supported_range(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrthodoxEaster.Sunday(year));
    }
}
