namespace Referrals.Messaging.Rendering;

/// <summary>The values for one rendering: scalars by placeholder name, and lists of items (each item a set of fields).</summary>
public sealed record TemplateValues(
    IReadOnlyDictionary<string, string> Scalars,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Lists)
{
    public static TemplateValues Of(IReadOnlyDictionary<string, string> scalars) =>
        new(scalars, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>());

    /// <summary>Checks the caller's values against <paramref name="kind"/>: no unknown name, no missing or empty required value.</summary>
    internal void CheckAgainst(TemplateKind kind)
    {
        foreach (var (name, value) in Scalars)
        {
            var spec = kind.Find(name);
            if (spec is null || spec.Use is PlaceholderUse.List)
            {
                throw new ArgumentException($"'{name}' is not a value of the {kind.Channel} kind '{kind.Name}'.", nameof(Scalars));
            }

            if (spec.Use is PlaceholderUse.Supplied)
            {
                throw new ArgumentException($"'{name}' of the kind '{kind.Name}' is filled by the renderer; do not pass it.", nameof(Scalars));
            }

            if (value is null || (spec.Use is PlaceholderUse.Required && string.IsNullOrWhiteSpace(value)))
            {
                throw new ArgumentException($"The value '{name}' of the kind '{kind.Name}' is empty.", nameof(Scalars));
            }
        }

        foreach (var (name, items) in Lists)
        {
            var spec = kind.Find(name);
            if (spec is not { Use: PlaceholderUse.List })
            {
                throw new ArgumentException($"'{name}' is not a list of the kind '{kind.Name}'.", nameof(Lists));
            }

            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var unknown = item.Keys.FirstOrDefault(k => !spec.ItemFields.Contains(k, StringComparer.Ordinal));
                if (unknown is not null)
                {
                    throw new ArgumentException($"'{name}[{i}].{unknown}' is not a field of the list '{name}' of the kind '{kind.Name}'.", nameof(Lists));
                }

                var missing = spec.ItemFields.FirstOrDefault(f => !item.TryGetValue(f, out var v) || string.IsNullOrWhiteSpace(v));
                if (missing is not null)
                {
                    throw new ArgumentException($"'{name}[{i}].{missing}' of the kind '{kind.Name}' is missing or empty.", nameof(Lists));
                }
            }
        }

        foreach (var spec in kind.Placeholders)
        {
            var missing = spec.Use switch
            {
                PlaceholderUse.Required => !Scalars.ContainsKey(spec.Name),
                PlaceholderUse.List => !Lists.ContainsKey(spec.Name),
                _ => false,
            };
            if (missing)
            {
                throw new ArgumentException($"The value '{spec.Name}' of the kind '{kind.Name}' is missing.", nameof(Scalars));
            }
        }
    }
}
