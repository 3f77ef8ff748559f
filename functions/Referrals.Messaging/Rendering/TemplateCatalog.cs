using System.Text.Json;

namespace Referrals.Messaging.Rendering;

internal sealed record SmsTemplate(TemplateKind Kind, string Language, IReadOnlyList<TemplateNode> Body);

internal sealed record EmailTemplate(
    TemplateKind Kind, string Language, IReadOnlyList<TemplateNode> Subject, IReadOnlyList<TemplateNode> Html,
    IReadOnlyList<TemplateNode> Text);

/// <summary>
/// All templates, checklists and labels, read from the shipped folder with the coordinator's override folder laid
/// over it, and checked as a whole: a problem anywhere fails the load with every problem listed, so a bad edit stops
/// the start-up instead of a message.
/// </summary>
internal sealed class TemplateCatalog
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly Dictionary<(string Kind, string Language), SmsTemplate> _sms = [];
    private readonly Dictionary<(string Kind, string Language), EmailTemplate> _email = [];
    private readonly Dictionary<(string Kind, string Language), Dictionary<EmailPart, IReadOnlyList<TemplateNode>>> _emailParts = [];
    // Kind names are unique across channels, so one set serves SMS and email.
    private readonly HashSet<(string Kind, string Language)> _broken = [];
    private readonly HashSet<string> _brokenChecklists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Checklist> _checklists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _labels = new(StringComparer.Ordinal);

    private TemplateCatalog(MessagingTemplateOptions options)
    {
        SmsFallbackLanguage = LanguageTag.Normalize(options.SmsFallbackLanguage);
        EmailFallbackLanguage = LanguageTag.Normalize(options.EmailFallbackLanguage);
        Labels = new MessageLabels(_labels, EmailFallbackLanguage);
    }

    public string SmsFallbackLanguage { get; }

    public string EmailFallbackLanguage { get; }

    public MessageLabels Labels { get; }

    public IEnumerable<(string Kind, string Language)> SmsTemplates => _sms.Keys;

    public IEnumerable<(string Kind, string Language)> EmailTemplates => _email.Keys;

    /// <summary>Loads and checks everything; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static TemplateCatalog Load(MessagingTemplateOptions options)
    {
        var (catalog, problems) = TryLoad(options);
        return problems.Count == 0
            ? catalog
            : throw new InvalidOperationException($"Message templates are invalid:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}");
    }

    public static (TemplateCatalog Catalog, IReadOnlyList<string> Problems) TryLoad(MessagingTemplateOptions options)
    {
        var problems = new List<string>();
        foreach (var (name, tag) in new[] { ("SmsFallbackLanguage", options.SmsFallbackLanguage), ("EmailFallbackLanguage", options.EmailFallbackLanguage) })
        {
            if (!LanguageTag.IsWellFormed(tag))
            {
                problems.Add($"{MessagingTemplateOptions.Section}:{name} '{tag}' is not a language tag.");
                return (new TemplateCatalog(new MessagingTemplateOptions()), problems);
            }
        }

        var catalog = new TemplateCatalog(options);
        foreach (var (relative, path) in Files(options, problems))
        {
            try
            {
                catalog.Add(relative, File.ReadAllText(path), problems);
            }
            catch (Exception e) when (e is FormatException or JsonException or IOException)
            {
                problems.Add($"{relative}: {e.Message}");
            }
        }

        catalog.CheckComplete(problems);
        return (catalog, problems);
    }

    public SmsTemplate? FindSms(string kind, string language) => _sms.GetValueOrDefault((kind, language));

    public EmailTemplate? FindEmail(string kind, string language) => _email.GetValueOrDefault((kind, language));

    public Checklist? FindChecklist(string language) => _checklists.GetValueOrDefault(language);

    private static IEnumerable<(string Relative, string Path)> Files(MessagingTemplateOptions options, List<string> problems)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (setting, directory) in new[] { ("Directory", options.Directory), ("OverrideDirectory", options.OverrideDirectory) })
        {
            if (directory is null)
            {
                continue;
            }

            if (!System.IO.Directory.Exists(directory))
            {
                problems.Add($"{MessagingTemplateOptions.Section}:{setting}: the folder '{directory}' does not exist.");
                continue;
            }

            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(directory, path).Replace('\\', '/')] = path;
            }
        }

        return files.Select(f => (f.Key, f.Value));
    }

    private void Add(string relative, string content, List<string> problems)
    {
        var parts = relative.Split('/');
        if (parts.Length == 1 && relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return; // notes for the coordinator
        }

        switch (parts)
        {
            case ["sms", var file] when file.EndsWith(".txt", StringComparison.Ordinal):
                AddSms(relative, file[..^".txt".Length], content, problems);
                break;
            case ["email", var file] when file.EndsWith(".subject.txt", StringComparison.Ordinal):
                AddEmailPart(relative, file[..^".subject.txt".Length], EmailPart.Subject, content, problems);
                break;
            case ["email", var file] when file.EndsWith(".html", StringComparison.Ordinal):
                AddEmailPart(relative, file[..^".html".Length], EmailPart.Html, content, problems);
                break;
            case ["email", var file] when file.EndsWith(".txt", StringComparison.Ordinal):
                AddEmailPart(relative, file[..^".txt".Length], EmailPart.Text, content, problems);
                break;
            case ["checklist", var file] when file.EndsWith(".json", StringComparison.Ordinal) && Language(relative, file[..^".json".Length], problems) is { } language:
                AddChecklist(relative, language, content, problems);
                break;
            case ["labels", var file] when file.EndsWith(".json", StringComparison.Ordinal) && Language(relative, file[..^".json".Length], problems) is { } language:
                _labels[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(content, s_json)
                    ?? throw new JsonException("the file is empty");
                break;
            case ["checklist" or "labels", _]:
                break; // a bad language tag, already reported
            default:
                problems.Add($"{relative}: not a template file (expected sms/<kind>.<language>.txt, email/<kind>.<language>.subject.txt|.html|.txt, checklist/<language>.json or labels/<language>.json).");
                break;
        }
    }

    private static string? Language(string relative, string tag, List<string> problems)
    {
        if (LanguageTag.IsWellFormed(tag))
        {
            return LanguageTag.Normalize(tag);
        }

        problems.Add($"{relative}: '{tag}' is not a language tag.");
        return null;
    }

    private static (TemplateKind Kind, string Language)? KindAndLanguage(
        string relative, string stem, IReadOnlyList<TemplateKind> kinds, List<string> problems)
    {
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        var kindName = dot < 0 ? stem : stem[..dot];
        var kind = kinds.FirstOrDefault(k => k.Name == kindName);
        if (kind is null)
        {
            problems.Add($"{relative}: unknown kind '{kindName}' (known: {string.Join(", ", kinds.Select(k => k.Name))}).");
            return null;
        }

        var language = Language(relative, dot < 0 ? string.Empty : stem[(dot + 1)..], problems);
        return language is null ? null : (kind, language);
    }

    private static IReadOnlyList<TemplateNode>? Parse(string relative, TemplateKind kind, string content, List<string> problems)
    {
        IReadOnlyList<TemplateNode> nodes;
        try
        {
            nodes = TemplateSyntax.Parse(content);
        }
        catch (FormatException e)
        {
            problems.Add($"{relative}: {e.Message}");
            return null;
        }

        var found = TemplateChecker.Problems(kind, nodes).Select(p => $"{relative}: {p}").ToList();
        problems.AddRange(found);
        return found.Count == 0 ? nodes : null;
    }

    private void AddSms(string relative, string stem, string content, List<string> problems)
    {
        if (KindAndLanguage(relative, stem, SmsKinds.All, problems) is not var (kind, language))
        {
            return;
        }

        var body = Parse(relative, kind, content.TrimEnd(), problems);
        if (body is { Count: 0 })
        {
            problems.Add($"{relative}: the template is empty.");
        }

        if (body is not { Count: > 0 })
        {
            _broken.Add((kind.Name, language));
            return;
        }

        _sms[(kind.Name, language)] = new SmsTemplate(kind, language, body);
    }

    private enum EmailPart
    {
        Subject,
        Html,
        Text,
    }

    private void AddEmailPart(string relative, string stem, EmailPart part, string content, List<string> problems)
    {
        if (KindAndLanguage(relative, stem, EmailKinds.All, problems) is not var (kind, language))
        {
            return;
        }

        // A broken part is reported once; the email is then not also reported as incomplete.
        var text = part is EmailPart.Subject ? content.Trim() : content;
        if (part is EmailPart.Subject && text.Contains('\n', StringComparison.Ordinal))
        {
            problems.Add($"{relative}: a subject is one line.");
            _broken.Add((kind.Name, language));
            return;
        }

        if (Parse(relative, kind, text, problems) is not { } nodes)
        {
            _broken.Add((kind.Name, language));
            return;
        }

        if (nodes.Count == 0)
        {
            problems.Add($"{relative}: the template is empty.");
            _broken.Add((kind.Name, language));
            return;
        }

        if (!_emailParts.TryGetValue((kind.Name, language), out var parts))
        {
            _emailParts[(kind.Name, language)] = parts = [];
        }

        parts[part] = nodes;
        if (parts.Count == 3)
        {
            _email[(kind.Name, language)] = new EmailTemplate(kind, language, parts[EmailPart.Subject], parts[EmailPart.Html], parts[EmailPart.Text]);
        }
    }

    private void AddChecklist(string relative, string language, string content, List<string> problems)
    {
        ChecklistFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ChecklistFile>(content, s_json);
        }
        catch (JsonException e)
        {
            problems.Add($"{relative}: {e.Message}");
            _brokenChecklists.Add(language);
            return;
        }

        var before = file?.BeforeReturn ?? [];
        var arrival = file?.OnArrival ?? [];
        if (before.Count == 0 || arrival.Count == 0
            || before.Concat(arrival).Any(i => string.IsNullOrWhiteSpace(i.Short) || string.IsNullOrWhiteSpace(i.Detail)))
        {
            problems.Add($"{relative}: needs non-empty 'beforeReturn' and 'onArrival' lists whose items each have 'short' and 'detail'.");
            _brokenChecklists.Add(language);
            return;
        }

        _checklists[language] = new Checklist(language, before, arrival);
    }

    private sealed record ChecklistFile(List<ChecklistItem>? BeforeReturn, List<ChecklistItem>? OnArrival);

    private void CheckComplete(List<string> problems)
    {
        foreach (var (key, parts) in _emailParts.Where(p => p.Value.Count < 3 && !_broken.Contains(p.Key)))
        {
            var missing = Enum.GetValues<EmailPart>().Where(p => !parts.ContainsKey(p)).Select(p => p.ToString().ToLowerInvariant());
            problems.Add($"email/{key.Kind}.{key.Language}: missing the {string.Join(" and ", missing)} part.");
        }

        problems.AddRange(SmsKinds.All.Where(k => !_sms.ContainsKey((k.Name, SmsFallbackLanguage)) && !_broken.Contains((k.Name, SmsFallbackLanguage)))
            .Select(k => $"sms/{k.Name}.{SmsFallbackLanguage}.txt: required, because {SmsFallbackLanguage} is the SMS fallback language."));
        problems.AddRange(EmailKinds.All.Where(k => !_email.ContainsKey((k.Name, EmailFallbackLanguage)) && !_broken.Contains((k.Name, EmailFallbackLanguage)))
            .Select(k => $"email/{k.Name}.{EmailFallbackLanguage}.*: required, because {EmailFallbackLanguage} is the email fallback language."));

        // An SMS that lists checklist items must find them in its own language, or it would mix languages.
        problems.AddRange(_sms.Values
            .Where(t => t.Kind.Placeholders.Any(p => p.Use is PlaceholderUse.Supplied)
                && !_checklists.ContainsKey(t.Language) && !_brokenChecklists.Contains(t.Language))
            .Select(t => $"checklist/{t.Language}.json: required by sms/{t.Kind.Name}.{t.Language}.txt."));

        foreach (var language in new[] { SmsFallbackLanguage, EmailFallbackLanguage }.Distinct())
        {
            var labels = _labels.GetValueOrDefault(language);
            var missing = MessageLabels.RequiredKeys.Where(k => labels is null || !labels.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"labels/{language}.json: a fallback language needs {string.Join(", ", missing.Select(k => $"'{k}'"))}.");
            }
        }

        foreach (var (language, labels) in _labels)
        {
            foreach (var key in new[] { MessageLabels.DateFormat, MessageLabels.DateTimeFormat }.Where(labels.ContainsKey))
            {
                try
                {
                    _ = DateTimeOffset.UnixEpoch.ToString(labels[key], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (FormatException)
                {
                    problems.Add($"labels/{language}.json: '{key}' is not a valid date format.");
                }
            }
        }
    }
}
