using System.Globalization;

namespace Referrals.Workflow.Storage;

/// <summary>
/// The row layout of an instance partition. Timeline pages ("e|000000", "e|000001", ...) sort before "o", so one range
/// query from "o" reads the outbox, the state row and the timers together without the (growing) timeline; the timeline
/// itself is read by point reads of its pages (see <see cref="TimelinePages"/>).
/// The keys below are the rows' keys within their partition; <see cref="Stored"/> adds the instance id as a suffix.
/// Table Storage does not need the suffix, but Azurite's in-memory store looks an entity up by RowKey first and then
/// scans every row with that RowKey for the PartitionKey, so a key every instance shares ("s", "t|expiry") made each
/// read and write linear in the number of instances.
/// </summary>
internal static class RowKeys
{
    public const string State = "s";
    public const string TimelinePagePrefix = "e|";
    public const string OutboxPrefix = "o|";
    public const string TimerPrefix = "t|";
    public const string LoadFrom = "o";

    private const int MaxLength = 256;

    public static string TimelinePage(int page) => TimelinePagePrefix + page.ToString("D6", CultureInfo.InvariantCulture);

    public static string Outbox(string effectId) => OutboxPrefix + effectId;

    public static string Timer(string kind) => TimerPrefix + kind;

    /// <summary>The key a row is stored under: its key within the partition, then "|" and the instance id.</summary>
    public static string Stored(string instanceId, string key) => key + "|" + instanceId;

    /// <summary>The key within the partition of a stored row key; null when the row key lacks the instance suffix
    /// (a row this layout did not write).</summary>
    public static string? InPartition(string instanceId, string storedKey) =>
        storedKey.Length > instanceId.Length + 1
        && storedKey.EndsWith(instanceId, StringComparison.Ordinal)
        && storedKey[storedKey.Length - instanceId.Length - 1] == '|'
            ? storedKey[..(storedKey.Length - instanceId.Length - 1)]
            : null;

    /// <summary>Rejects values that cannot be part of a table key (or would make keys ambiguous), naming the field.</summary>
    public static void Validate(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{field} must be at most {MaxLength} characters.", field);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"{field} must not contain '/', '\\', '#', '?', '|' or control characters.", field);
            }
        }
    }

    public static void ValidateEffectId(string? value) => Validate(value, "effect id");
}
