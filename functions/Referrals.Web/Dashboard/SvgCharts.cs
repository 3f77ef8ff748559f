using System.Globalization;
using System.Net;
using System.Text;

namespace Referrals.Web.Dashboard;

/// <summary>A named row of values for a stacked column chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>One horizontal bar: its label, its length and the text printed at its end.</summary>
public sealed record ChartBar(string Label, double Value, string ValueText);

/// <summary>
/// Small server-rendered SVG charts: no script, scale with the page (viewBox), a title and description for screen
/// readers, and colours that keep 3:1 contrast against white. Every label is escaped.
/// </summary>
public static class SvgCharts
{
    /// <summary>Colour-blind-safe palette (Okabe–Ito, darkened where needed for contrast on white).</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8F6B00", "#56B4E9", "#6A3D9A", "#444444"];

    private const int Width = 640;

    /// <summary>Stacked columns, one per category, with a legend below.</summary>
    public static string StackedColumns(string id, string title, string description, IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int top = 20, plotHeight = 180, left = 36, labelBand = 28;
        var legendRows = (series.Count + 2) / 3;
        var height = top + plotHeight + labelBand + (legendRows * 20) + 8;
        var totals = categories.Select((_, i) => series.Sum(s => s.Values[i])).ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var slot = categories.Count == 0 ? 0 : (Width - left - 8) / (double)categories.Count;
        var svg = Open(id, title, description, height);

        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = top + plotHeight - (plotHeight * tick / 4.0);
            svg.Append(Inv($"<line x1=\"{left}\" x2=\"{Width - 4}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(Inv($"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" class=\"axis\" text-anchor=\"end\">{value:0.##}</text>"));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var x = left + (i * slot) + (slot * 0.15);
            var barWidth = slot * 0.7;
            var baseline = (double)(top + plotHeight);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                if (value <= 0)
                {
                    continue;
                }

                var h = plotHeight * value / max;
                baseline -= h;
                svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{baseline:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" fill=\"{Colour(s)}\"><title>{Escape(series[s].Name)}, {Escape(categories[i])}: {value:0.##}</title></rect>"));
            }

            svg.Append(Inv($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{top + plotHeight + 16}\" class=\"axis\" text-anchor=\"middle\">{Escape(categories[i])}</text>"));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var x = 8 + (s % 3 * 210);
            var y = top + plotHeight + labelBand + (s / 3 * 20);
            svg.Append(Inv($"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Colour(s)}\"/>"));
            svg.Append(Inv($"<text x=\"{x + 18}\" y=\"{y + 11}\" class=\"legend\">{Escape(series[s].Name)}</text>"));
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars from zero to <paramref name="max"/>, with an optional reference line (e.g. the
    /// deadline at 100 %).</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<ChartBar> bars, double max,
        double? reference = null, string? referenceLabel = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int top = 24, row = 30, labelWidth = 170, valueWidth = 150;
        var height = top + (Math.Max(1, bars.Count) * row) + 8;
        var plotWidth = Width - labelWidth - valueWidth;
        var scale = max <= 0 ? 0 : plotWidth / max;
        var svg = Open(id, title, description, height);

        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + (i * row);
            var length = Math.Max(0, Math.Min(bars[i].Value, max)) * scale;
            svg.Append(Inv($"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" class=\"label\" text-anchor=\"end\">{Escape(bars[i].Label)}</text>"));
            svg.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"18\" fill=\"{Colour(0)}\"><title>{Escape(bars[i].Label)}: {Escape(bars[i].ValueText)}</title></rect>"));
            svg.Append(Inv($"<text x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 17}\" class=\"value\">{Escape(bars[i].ValueText)}</text>"));
        }

        if (reference is { } line && max > 0)
        {
            var x = labelWidth + (Math.Min(line, max) * scale);
            svg.Append(Inv($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{top - 6}\" y2=\"{height - 4}\" class=\"reference\"/>"));
            if (referenceLabel is not null)
            {
                svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{top - 10}\" class=\"axis\" text-anchor=\"middle\">{Escape(referenceLabel)}</text>"));
            }
        }

        return Close(svg);
    }

    /// <summary>A grid of counts (rows × columns), each cell shaded by its share of the largest count.</summary>
    public static string HeatGrid(string id, string title, string description, IReadOnlyList<string> rows,
        IReadOnlyList<string> columns, Func<int, int, int> count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(count);
        const int labelWidth = 220, headerHeight = 90, cellHeight = 26, rightMargin = 60;
        var cellWidth = columns.Count == 0 ? 0 : (Width - labelWidth - rightMargin) / (double)columns.Count;
        var height = headerHeight + (Math.Max(1, rows.Count) * cellHeight) + 4;
        var max = 1;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                max = Math.Max(max, count(r, c));
            }
        }

        var svg = Open(id, title, description, height);
        for (var c = 0; c < columns.Count; c++)
        {
            var x = labelWidth + (c * cellWidth) + (cellWidth / 2);
            svg.Append(Inv($"<text transform=\"translate({x:0.#},{headerHeight - 6}) rotate(-35)\" class=\"axis\">{Escape(columns[c])}</text>"));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = headerHeight + (r * cellHeight);
            svg.Append(Inv($"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" class=\"label\" text-anchor=\"end\">{Escape(rows[r])}</text>"));
            for (var c = 0; c < columns.Count; c++)
            {
                var value = count(r, c);
                var x = labelWidth + (c * cellWidth);
                var opacity = value == 0 ? 0.04 : 0.2 + (0.8 * value / max);
                var textClass = opacity > 0.55 ? "cell dark" : "cell";
                svg.Append(Inv($"<rect x=\"{x + 1:0.#}\" y=\"{y + 1}\" width=\"{cellWidth - 2:0.#}\" height=\"{cellHeight - 2}\" fill=\"{Colour(0)}\" fill-opacity=\"{opacity:0.##}\"><title>{Escape(rows[r])}, {Escape(columns[c])}: {value}</title></rect>"));
                if (value > 0)
                {
                    svg.Append(Inv($"<text x=\"{x + (cellWidth / 2):0.#}\" y=\"{y + 17}\" class=\"{textClass}\" text-anchor=\"middle\">{value}</text>"));
                }
            }
        }

        return Close(svg);
    }

    /// <summary>A round upper bound for an axis (1, 2, 5 × 10^n), at least 1.</summary>
    public static double NiceMax(double value)
    {
        if (value <= 1)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static StringBuilder Open(string id, string title, string description, int height) =>
        new StringBuilder()
            .Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{Escape(id)}-title {Escape(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Append(Inv($"<title id=\"{Escape(id)}-title\">{Escape(title)}</title><desc id=\"{Escape(id)}-desc\">{Escape(description)}</desc>"));

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Colour(int index) => Palette[index % Palette.Count];

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
