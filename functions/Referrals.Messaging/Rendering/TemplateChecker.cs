namespace Referrals.Messaging.Rendering;

/// <summary>
/// Checks a parsed template against the placeholders its kind allows, so every template that loads can always be
/// filled: optional values only inside their own section, list fields only inside their list.
/// </summary>
internal static class TemplateChecker
{
    public static IEnumerable<string> Problems(TemplateKind kind, IReadOnlyList<TemplateNode> nodes) =>
        Check(kind, nodes, openSections: [], listFields: []);

    private static IEnumerable<string> Check(
        TemplateKind kind, IReadOnlyList<TemplateNode> nodes, IReadOnlyList<string> openSections, IReadOnlyList<string> listFields)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ValueNode value when listFields.Contains(value.Name, StringComparer.Ordinal):
                    break;
                case ValueNode value:
                    var spec = kind.Find(value.Name);
                    if (spec is null)
                    {
                        yield return $"unknown placeholder '{{{{{value.Name}}}}}' (allowed: {Allowed(kind)})";
                    }
                    else if (spec.Use is PlaceholderUse.List)
                    {
                        yield return $"'{value.Name}' is a list: iterate it with {{{{#{value.Name}}}}}…{{{{/{value.Name}}}}}";
                    }
                    else if (spec.Use is PlaceholderUse.Optional && !openSections.Contains(value.Name, StringComparer.Ordinal))
                    {
                        yield return $"'{value.Name}' is optional: use it only inside {{{{#{value.Name}}}}}…{{{{/{value.Name}}}}}";
                    }

                    break;
                case SectionNode section:
                    var sectionSpec = kind.Find(section.Name);
                    if (sectionSpec is not { Use: PlaceholderUse.Optional or PlaceholderUse.List })
                    {
                        yield return $"section '{section.Name}' must name an optional value or a list (allowed: {Allowed(kind)})";
                        break;
                    }

                    var inner = section.Inverted
                        ? Check(kind, section.Children, openSections, listFields)
                        : Check(kind, section.Children, [.. openSections, section.Name],
                            sectionSpec.Use is PlaceholderUse.List ? [.. listFields, .. sectionSpec.ItemFields] : listFields);
                    foreach (var problem in inner)
                    {
                        yield return problem;
                    }

                    break;
            }
        }
    }

    private static string Allowed(TemplateKind kind) =>
        kind.Placeholders.Count == 0 ? "none" : string.Join(", ", kind.Placeholders.Select(p => p.Name));
}
