using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Referrals.Domain.Directory;

/// <summary>
/// The Serbian municipalities, found by code, Latin or Cyrillic name regardless of case, diacritics and script.
/// </summary>
public sealed partial class MunicipalityDirectory
{
    private readonly FrozenDictionary<string, Municipality> byCode;
    private readonly FrozenDictionary<string, Municipality> byKey;

    /// <summary>Builds the directory; throws <see cref="InvalidDataException"/> listing every problem in the data.</summary>
    public MunicipalityDirectory(IEnumerable<Municipality> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        All = [.. municipalities];

        var problems = new List<string>();
        var codes = new Dictionary<string, Municipality>(StringComparer.Ordinal);
        foreach (var municipality in All)
        {
            if (!IsSlug(municipality.Code))
            {
                problems.Add($"municipality code '{municipality.Code}' is not a lower-case ASCII slug (a-z, 0-9, '-')");
            }
            else if (!codes.TryAdd(municipality.Code, municipality))
            {
                problems.Add($"municipality code '{municipality.Code}' appears more than once");
            }

            if (string.IsNullOrWhiteSpace(municipality.NameLatin) || string.IsNullOrWhiteSpace(municipality.NameCyrillic))
            {
                problems.Add($"municipality '{municipality.Code}' needs both a Latin and a Cyrillic name");
            }

            if (string.IsNullOrWhiteSpace(municipality.District))
            {
                problems.Add($"municipality '{municipality.Code}' has no district");
            }
        }

        foreach (var municipality in All.Where(m => m.Parent is not null && !codes.ContainsKey(m.Parent)))
        {
            problems.Add($"municipality '{municipality.Code}' names an unknown parent '{municipality.Parent}'");
        }

        // Every name and code must lead to one municipality only, or a lookup would be a guess.
        var keys = new Dictionary<string, Municipality>(StringComparer.Ordinal);
        foreach (var municipality in All)
        {
            foreach (var key in KeysOf(municipality))
            {
                if (keys.TryGetValue(key, out var other) && other != municipality)
                {
                    problems.Add($"municipalities '{other.Code}' and '{municipality.Code}' share the search name '{key}'");
                }
                else
                {
                    keys[key] = municipality;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("Municipality data is invalid: " + string.Join("; ", problems) + ".");
        }

        byCode = codes.ToFrozenDictionary(StringComparer.Ordinal);
        byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every municipality, in file order.</summary>
    public IReadOnlyList<Municipality> All { get; }

    /// <summary>The municipality with exactly this code, or null.</summary>
    public Municipality? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// Finds a municipality by code, Latin or Cyrillic name: "nis", "Niš", "NIŠ", "Ниш" all find Niš;
    /// "Savski venac", "Савски венац" and "beograd-savski-venac" find the Belgrade city municipality.
    /// </summary>
    public bool TryFind(string? nameOrCode, [NotNullWhen(true)] out Municipality? municipality)
    {
        municipality = null;
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return false;
        }

        foreach (var key in SerbianText.Keys(nameOrCode))
        {
            if (byKey.TryGetValue(key, out municipality))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Up to <paramref name="max"/> municipalities whose names are close to <paramref name="name"/>, best first.</summary>
    public IReadOnlyList<Municipality> Suggest(string? name, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var key = SerbianText.Key(name);
        if (key.Length == 0)
        {
            return [];
        }

        var tolerance = Math.Max(1, key.Length / 3);
        return byKey
            .Select(entry => (entry.Value, Distance: Closeness(key, entry.Key)))
            .Where(candidate => candidate.Distance <= tolerance)
            .GroupBy(candidate => candidate.Value)
            .Select(group => (Municipality: group.Key, Distance: group.Min(c => c.Distance)))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Municipality.Code, StringComparer.Ordinal)
            .Take(max)
            .Select(candidate => candidate.Municipality)
            .ToList();
    }

    private static IEnumerable<string> KeysOf(Municipality municipality) =>
        SerbianText.Keys(municipality.Code)
            .Concat(SerbianText.Keys(municipality.NameLatin))
            .Concat(SerbianText.Keys(municipality.NameCyrillic))
            .Distinct(StringComparer.Ordinal);

    // A typed prefix of three letters or more counts as close; otherwise the edit distance.
    private static int Closeness(string typed, string candidate) =>
        typed.Length >= 3 && candidate.StartsWith(typed, StringComparison.Ordinal) ? 0 : Levenshtein(typed, candidate);

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    internal static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
