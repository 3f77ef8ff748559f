using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Tests;

/// <summary>The template language on its own: parsing, sections, lists and encoding.</summary>
public sealed class TemplateSyntaxTests
{
    private static readonly TemplateKind s_kind = new("test", TemplateChannel.Email,
    [
        PlaceholderSpec.Required("name"), PlaceholderSpec.Optional("extra"), PlaceholderSpec.List("items", "label"),
    ]);

    private static string Render(string template, Dictionary<string, string> scalars, IEnumerable<string>? items = null, bool html = false)
    {
        var nodes = TemplateSyntax.Parse(template);
        Assert.Empty(TemplateChecker.Problems(s_kind, nodes));
        var values = new TemplateValues(scalars, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>
        {
            ["items"] = (items ?? []).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["label"] = i }).ToList(),
        });
        values.CheckAgainst(s_kind);
        return TemplateEvaluator.Render(nodes, values, html);
    }

    [Theory]
    [InlineData("Hi {{name}}.{{#extra}} ({{extra}}){{/extra}}", false, "Hi Ana. (x)")]
    [InlineData("Hi {{name}}.{{#extra}} ({{extra}}){{/extra}}", true, "Hi Ana.")]
    [InlineData("{{^extra}}no extra{{/extra}}", true, "no extra")]
    [InlineData("{{^extra}}no extra{{/extra}}", false, "")]
    public void Optional_sections_render_only_when_the_value_is_present(string template, bool omitExtra, string expected)
    {
        var scalars = new Dictionary<string, string> { ["name"] = "Ana" };
        if (!omitExtra)
        {
            scalars["extra"] = "x";
        }

        Assert.Equal(expected, Render(template, scalars));
    }

    [Theory]
    [InlineData(new string[0], "[none]")]
    [InlineData(new[] { "a" }, "[a/Ana]")]
    [InlineData(new[] { "a", "b", "c" }, "[a/Ana][b/Ana][c/Ana]")]
    public void A_list_section_repeats_per_item_and_sees_outer_values(string[] items, string expected)
    {
        Assert.Equal(expected, Render("{{#items}}[{{label}}/{{name}}]{{/items}}{{^items}}[none]{{/items}}", new() { ["name"] = "Ana" }, items));
    }

    [Fact]
    public void Html_rendering_encodes_values_but_not_the_template()
    {
        Assert.Equal("<b>&lt;i&gt;A&amp;B&lt;/i&gt;</b>", Render("<b>{{name}}</b>", new() { ["name"] = "<i>A&B</i>" }, html: true));
    }

    [Fact]
    public void Line_numbers_point_at_the_malformed_placeholder()
    {
        var error = Assert.Throws<FormatException>(() => TemplateSyntax.Parse("one\ntwo\nthree {{na me}}"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{/extra}}", "closes no open section")]
    [InlineData("{{#extra}}{{#items}}{{/extra}}{{/items}}", "closes no open section")]
    public void Mismatched_sections_are_rejected(string template, string expected)
    {
        Assert.Contains(expected, Assert.Throws<FormatException>(() => TemplateSyntax.Parse(template)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{label}}", "unknown placeholder '{{label}}'")]
    [InlineData("{{#items}}{{/items}}{{label}}", "unknown placeholder '{{label}}'")]
    [InlineData("{{^extra}}{{extra}}{{/extra}}", "'extra' is optional")]
    [InlineData("{{#name}}x{{/name}}", "must name an optional value or a list")]
    public void The_checker_rejects_placeholders_used_out_of_place(string template, string expected)
    {
        Assert.Contains(TemplateChecker.Problems(s_kind, TemplateSyntax.Parse(template)), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_item_missing_a_field_fails_naming_it()
    {
        var values = new TemplateValues(new Dictionary<string, string> { ["name"] = "Ana" },
            new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> { ["items"] = [new Dictionary<string, string>()] });

        var error = Assert.Throws<ArgumentException>(() => values.CheckAgainst(s_kind));

        Assert.Contains("'items[0].label'", error.Message, StringComparison.Ordinal);
    }
}
