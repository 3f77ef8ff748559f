using System.Net;
using System.Text;

namespace Referrals.Messaging.Rendering;

/// <summary>Fills a checked template. Values are inserted literally (HTML-encoded for HTML bodies), never re-parsed.</summary>
internal static class TemplateEvaluator
{
    public static string Render(IReadOnlyList<TemplateNode> nodes, TemplateValues values, bool html)
    {
        var builder = new StringBuilder();
        Render(nodes, values, item: null, html, builder);
        return builder.ToString();
    }

    private static void Render(
        IReadOnlyList<TemplateNode> nodes, TemplateValues values, IReadOnlyDictionary<string, string>? item, bool html,
        StringBuilder builder)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    builder.Append(text.Text);
                    break;
                case ValueNode value:
                    var resolved = Lookup(value.Name, values, item)
                        ?? throw new InvalidOperationException($"No value for '{value.Name}' (the template check should have prevented this).");
                    builder.Append(html ? WebUtility.HtmlEncode(resolved) : resolved);
                    break;
                case SectionNode section when values.Lists.TryGetValue(section.Name, out var items):
                    if (section.Inverted && items.Count == 0)
                    {
                        Render(section.Children, values, item, html, builder);
                    }
                    else if (!section.Inverted)
                    {
                        foreach (var listItem in items)
                        {
                            Render(section.Children, values, listItem, html, builder);
                        }
                    }

                    break;
                case SectionNode section:
                    var present = !string.IsNullOrWhiteSpace(Lookup(section.Name, values, item));
                    if (present != section.Inverted)
                    {
                        Render(section.Children, values, item, html, builder);
                    }

                    break;
            }
        }
    }

    private static string? Lookup(string name, TemplateValues values, IReadOnlyDictionary<string, string>? item) =>
        item is not null && item.TryGetValue(name, out var fromItem) ? fromItem
        : values.Scalars.TryGetValue(name, out var scalar) ? scalar
        : null;
}
