using System.Globalization;

namespace Referrals.Messaging.Rendering;

/// <summary>
/// Words and formats that are data rather than templates (priority names, deadline names, rejection reasons, date
/// formats), per language with a per-key fallback, so a new translation may start small.
/// </summary>
internal sealed class MessageLabels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage, string fallbackLanguage)
{
    public const string DateFormat = "format.date";
    public const string DateTimeFormat = "format.dateTime";

    /// <summary>The keys the fallback language must define.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        DateFormat, DateTimeFormat,
        "priority.emergency", "priority.urgent", "priority.normal",
        "deadline.acknowledge", "deadline.preReturnReminder", "deadline.arrivalConfirmation", "deadline.firstContact",
        "deadline.followUp1", "deadline.followUp2", "deadline.followUp3",
        "rejectionReason.outOfArea", "rejectionReason.duplicate", "rejectionReason.other",
    ];

    public string Get(string language, string key) =>
        byLanguage.TryGetValue(language, out var labels) && labels.TryGetValue(key, out var label) ? label
        : byLanguage.TryGetValue(fallbackLanguage, out var fallback) && fallback.TryGetValue(key, out var fallbackLabel) ? fallbackLabel
        : throw new ArgumentException($"No label '{key}' (neither in '{language}' nor in '{fallbackLanguage}').", nameof(key));

    /// <summary>The label <c>{prefix}.{code}</c>, failing with the accepted codes when <paramref name="code"/> is unknown.</summary>
    public string Code(string language, string prefix, string code, string field)
    {
        var key = $"{prefix}.{code}";
        if (!RequiredKeys.Contains(key, StringComparer.Ordinal))
        {
            var accepted = RequiredKeys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).Select(k => k[(prefix.Length + 1)..]);
            throw new ArgumentException($"'{code}' is not a known {field} (expected one of: {string.Join(", ", accepted)}).", field);
        }

        return Get(language, key);
    }

    public string Date(string language, DateOnly date) => date.ToString(Get(language, DateFormat), CultureInfo.InvariantCulture);

    public string DateTime(string language, DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(Get(language, DateTimeFormat), CultureInfo.InvariantCulture);
}
