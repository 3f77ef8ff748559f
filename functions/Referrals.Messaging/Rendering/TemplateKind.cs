namespace Referrals.Messaging.Rendering;

/// <summary>How a template may use a placeholder, and who fills it.</summary>
public enum PlaceholderUse
{
    /// <summary>The caller must supply a non-empty value.</summary>
    Required,

    /// <summary>The caller may supply it; a template may use it only inside <c>{{#name}}…{{/name}}</c>.</summary>
    Optional,

    /// <summary>Filled by the renderer (from the checklist of the language used); the caller must not supply it.</summary>
    Supplied,

    /// <summary>A list the caller supplies; a template iterates it with <c>{{#name}}…{{/name}}</c>.</summary>
    List,
}

/// <summary>A placeholder a template kind allows; <paramref name="ItemFields"/> are the fields of a list's items.</summary>
public sealed record PlaceholderSpec(string Name, PlaceholderUse Use, IReadOnlyList<string> ItemFields)
{
    public static PlaceholderSpec Required(string name) => new(name, PlaceholderUse.Required, []);

    public static PlaceholderSpec Optional(string name) => new(name, PlaceholderUse.Optional, []);

    public static PlaceholderSpec Supplied(string name) => new(name, PlaceholderUse.Supplied, []);

    public static PlaceholderSpec List(string name, params string[] itemFields) => new(name, PlaceholderUse.List, itemFields);
}

/// <summary>The channel a template kind is written for.</summary>
public enum TemplateChannel
{
    Sms,
    Email,
}

/// <summary>A kind of message and the placeholders its templates may use (checked when templates load).</summary>
public sealed record TemplateKind(string Name, TemplateChannel Channel, IReadOnlyList<PlaceholderSpec> Placeholders)
{
    public PlaceholderSpec? Find(string name) =>
        Placeholders.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
