using Referrals.App.Web.Dashboard;

namespace Referrals.Web.Tests.Units;

public sealed class DashboardTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(240, 250)]
    public void Axis_maximum_is_a_round_number_at_least_the_value(double value, double expected)
    {
        Assert.Equal(expected, SvgCharts.NiceMax(value));
    }

    [Fact]
    public void Charts_escape_labels_and_carry_a_title_for_screen_readers()
    {
        var svg = SvgCharts.Bars("x", "Title <b>", "Desc", [new ChartBar("<script>", 5, "5 & more")], 10, 5, "deadline");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"x-title\">Title &lt;b&gt;</title>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("5 &amp; more", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacked_columns_draw_one_bar_per_non_zero_value()
    {
        var svg = SvgCharts.StackedColumns("w", "t", "d", ["a", "b"], [new ChartSeries("nis", [1, 0]), new ChartSeries("beograd", [2, 3])]);

        Assert.Equal(3 + 2, svg.Split("<rect").Length - 1); // three bars and two legend swatches
    }
}
