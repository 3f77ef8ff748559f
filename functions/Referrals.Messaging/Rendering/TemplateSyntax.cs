using System.Text.RegularExpressions;

namespace Referrals.Messaging.Rendering;

/// <summary>
/// The template language: <c>{{name}}</c> inserts a value; <c>{{#name}}…{{/name}}</c> renders its body when an
/// optional value is present (or once per item of a list); <c>{{^name}}…{{/name}}</c> renders when it is absent
/// (or the list is empty). Nothing else, so a coordinator can edit a template without learning a language.
/// </summary>
internal static partial class TemplateSyntax
{
    [GeneratedRegex(@"\{\{([#^/]?)([A-Za-z][A-Za-z0-9]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FormatException"/> saying what and where.</summary>
    public static IReadOnlyList<TemplateNode> Parse(string source)
    {
        var root = new List<TemplateNode>();
        var stack = new Stack<(string Name, bool Inverted, List<TemplateNode> Children, List<TemplateNode> Parent)>();
        var current = root;
        var position = 0;
        foreach (Match match in Tag().Matches(source))
        {
            AddText(current, source[position..match.Index], source, position);
            position = match.Index + match.Length;
            var sigil = match.Groups[1].Value;
            var name = match.Groups[2].Value;
            switch (sigil)
            {
                case "":
                    current.Add(new ValueNode(name));
                    break;
                case "/":
                    if (stack.Count == 0 || stack.Peek().Name != name)
                    {
                        throw new FormatException($"'{{{{/{name}}}}}' at {LineOf(source, match.Index)} closes no open section.");
                    }

                    var open = stack.Pop();
                    open.Parent.Add(new SectionNode(open.Name, open.Inverted, open.Children));
                    current = open.Parent;
                    break;
                default:
                    var children = new List<TemplateNode>();
                    stack.Push((name, sigil == "^", children, current));
                    current = children;
                    break;
            }
        }

        AddText(current, source[position..], source, position);
        if (stack.Count > 0)
        {
            throw new FormatException($"Section '{stack.Peek().Name}' is not closed with '{{{{/{stack.Peek().Name}}}}}'.");
        }

        return root;
    }

    private static void AddText(List<TemplateNode> nodes, string text, string source, int offset)
    {
        var stray = text.IndexOf("{{", StringComparison.Ordinal);
        if (stray < 0)
        {
            stray = text.IndexOf("}}", StringComparison.Ordinal);
        }

        if (stray >= 0)
        {
            throw new FormatException(
                $"Malformed placeholder at {LineOf(source, offset + stray)}: use {{{{name}}}} with letters and digits only.");
        }

        if (text.Length > 0)
        {
            nodes.Add(new TextNode(text));
        }
    }

    private static string LineOf(string source, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }

        return $"line {line}";
    }
}

internal abstract record TemplateNode;

internal sealed record TextNode(string Text) : TemplateNode;

internal sealed record ValueNode(string Name) : TemplateNode;

internal sealed record SectionNode(string Name, bool Inverted, IReadOnlyList<TemplateNode> Children) : TemplateNode;
