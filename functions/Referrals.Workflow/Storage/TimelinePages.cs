using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Referrals.Workflow.Storage;

/// <summary>
/// The timeline as page rows: each event is a property of a page row ("E000000000042" holds a small JSON envelope
/// of time, type and the protected payload; a longer envelope continues in "E000000000042_1", ...). A commit merges
/// its events into the current page in the same transaction as the state row, whose ETag already serialises commits,
/// so appending needs no read of the page. The state row records the current page and how full it is
/// (<see cref="TimelineCursor"/>), so a reader gets the whole timeline by point reads of pages 0..current.
/// </summary>
internal static class TimelinePages
{
    /// <summary>Table Storage allows 252 properties an entity; a margin leaves room for nothing else to matter.</summary>
    public const int MaxPropertiesPerPage = 240;

    /// <summary>Characters of property names and values in a page: at 2 bytes each about 800 KiB, inside the
    /// 1 MiB an entity may hold, with room for the per-property overhead.</summary>
    public const int MaxCharsPerPage = 400 * 1024;

    /// <summary>One string property holds at most 64 KiB (32 Ki UTF-16 characters).</summary>
    public const int MaxCharsPerProperty = 32 * 1024;

    private const char EventPropertyPrefix = 'E';
    private const int SequenceDigits = 12;

    /// <summary>The properties that store one event; the first is named by the sequence alone.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> EventProperties(long sequence, DateTimeOffset at, string type,
        string protectedPayload)
    {
        var envelope = JsonSerializer.Serialize(new StoredEvent(at, type, protectedPayload), WorkflowJson.Options);
        var name = EventPropertyPrefix + sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture);
        var properties = new List<KeyValuePair<string, string>>();
        for (var (start, part) = (0, 0); start < envelope.Length; start += MaxCharsPerProperty, part++)
        {
            var partName = part == 0 ? name : name + "_" + part.ToString(CultureInfo.InvariantCulture);
            properties.Add(new(partName, envelope.Substring(start, Math.Min(MaxCharsPerProperty, envelope.Length - start))));
        }

        return properties;
    }

    /// <summary>The events stored in <paramref name="pages"/>, in sequence order, up to the state row that was read
    /// (a commit after that read may already have merged later events into a page).</summary>
    public static IReadOnlyList<RecordedEvent> Read(string instanceId, IEnumerable<TableEntity> pages, long nextSequence,
        IPayloadProtector protector)
    {
        var parts = new SortedDictionary<long, SortedDictionary<int, string>>();
        foreach (var page in pages)
        {
            foreach (var (name, value) in page)
            {
                if (value is not string text || !TryParseName(name, out var sequence, out var part))
                {
                    continue;
                }

                if (sequence < nextSequence)
                {
                    if (!parts.TryGetValue(sequence, out var eventParts))
                    {
                        parts[sequence] = eventParts = new SortedDictionary<int, string>();
                    }

                    eventParts[part] = text;
                }
            }
        }

        return [.. parts.Select(pair => ReadEvent(instanceId, pair.Key, pair.Value, protector))];
    }

    private static RecordedEvent ReadEvent(string instanceId, long sequence, SortedDictionary<int, string> parts,
        IPayloadProtector protector)
    {
        var envelope = parts.Count == 1 ? parts.Values.First() : string.Concat(parts.Values);
        try
        {
            var stored = JsonSerializer.Deserialize<StoredEvent>(envelope, WorkflowJson.Options)
                ?? throw new JsonException("The event envelope is JSON null.");
            var body = JsonSerializer.Deserialize<EventBody>(protector.Unprotect(stored.Data), WorkflowJson.Options)
                ?? new EventBody("system", null);
            return new RecordedEvent(sequence, stored.At, stored.Type, body.Actor, body.Detail ?? new Dictionary<string, string?>());
        }
        catch (JsonException exception)
        {
            throw new WorkflowStateUnreadableException(instanceId,
                $"timeline event {sequence} is not a valid event (line {exception.LineNumber}).", exception);
        }
    }

    /// <summary>Refuses an event too large for an empty page: it could never be stored.</summary>
    public static void EnsureFitsOnAPage(IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        var chars = Chars(properties);
        if (properties.Count > MaxPropertiesPerPage || chars > MaxCharsPerPage)
        {
            throw new InvalidOperationException(
                $"A timeline event of {chars} characters is larger than a timeline page holds ({MaxCharsPerPage}).");
        }
    }

    public static int Chars(IReadOnlyList<KeyValuePair<string, string>> properties) =>
        properties.Sum(p => p.Key.Length + p.Value.Length);

    public static string ProtectPayload(WorkflowEvent workflowEvent, IPayloadProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(new EventBody(workflowEvent.Actor, workflowEvent.Detail), WorkflowJson.Options));

    private static bool TryParseName(string name, out long sequence, out int part)
    {
        sequence = 0;
        part = 0;
        if (name.Length < 1 + SequenceDigits || name[0] != EventPropertyPrefix
            || !long.TryParse(name.AsSpan(1, SequenceDigits), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        var rest = name.AsSpan(1 + SequenceDigits);
        return rest.IsEmpty
            || (rest[0] == '_' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out part));
    }

    private sealed record StoredEvent(DateTimeOffset At, string Type, string Data);

    private sealed record EventBody(string Actor, IReadOnlyDictionary<string, string?>? Detail);
}

/// <summary>Where the next event goes: the current page, and how many properties and characters it holds.</summary>
internal readonly record struct TimelineCursor(int Page, int Properties, int Chars)
{
    /// <summary>Places an event's properties (see <see cref="TimelinePages.EnsureFitsOnAPage"/>): on the current
    /// page when they fit, else on a fresh page.</summary>
    public TimelineCursor Place(IReadOnlyList<KeyValuePair<string, string>> properties, out int page)
    {
        var chars = TimelinePages.Chars(properties);
        var fits = Properties + properties.Count <= TimelinePages.MaxPropertiesPerPage
            && Chars + chars <= TimelinePages.MaxCharsPerPage;
        var next = fits
            ? new TimelineCursor(Page, Properties + properties.Count, Chars + chars)
            : new TimelineCursor(Page + 1, properties.Count, chars);
        page = next.Page;
        return next;
    }

    /// <summary>The pages holding events: none before the first event.</summary>
    public int PageCount => Properties == 0 ? Page : Page + 1;
}
