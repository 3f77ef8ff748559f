using System.Globalization;

namespace Referrals.Workflow.Storage;

/// <summary>
/// The row layout of an instance partition. Events sort before "o", so one range query from "o" reads the outbox,
/// the state row and the timers together without the (growing) timeline.
/// </summary>
internal static class RowKeys
{
    public const string State = "s";
    public const string EventPrefix = "e|";
    public const string EventUpperBound = "e}";
    public const string OutboxPrefix = "o|";
    public const string TimerPrefix = "t|";
    public const string LoadFrom = "o";

    /// <summary>Internal outbox work: index a timer in the global table. '~' keeps it apart from effect ids.</summary>
    public const string TimerIndexWorkPrefix = "o|~t|";

    private const int MaxLength = 256;

    public static string Event(long sequence) => EventPrefix + sequence.ToString("D12", CultureInfo.InvariantCulture);

    public static string Outbox(string effectId) => OutboxPrefix + effectId;

    public static string Timer(string kind) => TimerPrefix + kind;

    public static string TimerIndexWork(string kind, string token) => TimerIndexWorkPrefix + kind + "|" + token;

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

    public static void ValidateEffectId(string? value)
    {
        Validate(value, "effect id");
        if (value![0] == '~')
        {
            throw new ArgumentException("effect id must not start with '~' (reserved for the runtime).", "effect id");
        }
    }
}
