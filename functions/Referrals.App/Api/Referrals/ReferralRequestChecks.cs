using Referrals.Contracts;

namespace Referrals.App.Api.Referrals;

/// <summary>Collects field errors of a command body, keyed by JSON path, with the limits the decider enforces.
/// </summary>
public sealed class ReferralRequestChecks
{
    public const int MaxNoteLength = 2000;
    public const int MaxShortTextLength = 200;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool Failed => Errors.Count > 0;

    public T Required<T>(string path, T? value)
        where T : struct
    {
        if (value is null)
        {
            Errors[path] = ["Required."];
        }

        return value.GetValueOrDefault();
    }

    public string RequiredText(string path, string? value, int maxLength = MaxShortTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors[path] = ["Required."];
            return string.Empty;
        }

        return OptionalText(path, value, maxLength) ?? string.Empty;
    }

    public string? OptionalText(string path, string? value, int maxLength = MaxNoteLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Errors[path] = [$"At most {maxLength} characters."];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public void Add(string path, string message) => Errors[path] = [message];
}
