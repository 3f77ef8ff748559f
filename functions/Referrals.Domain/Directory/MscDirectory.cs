using System.Collections.Frozen;

namespace Referrals.Domain.Directory;

/// <summary>The Migration Service Centres and the routing of every municipality to exactly one of them.</summary>
public sealed class MscDirectory
{
    private readonly FrozenDictionary<string, MigrationServiceCentre> byId;
    private readonly FrozenDictionary<string, MigrationServiceCentre> byMunicipality;

    /// <summary>
    /// Builds the directory; throws <see cref="InvalidDataException"/> naming every duplicate id, unknown or doubly
    /// covered municipality, uncovered municipality and missing field.
    /// </summary>
    public MscDirectory(IEnumerable<MigrationServiceCentre> centres, MunicipalityDirectory municipalities)
    {
        ArgumentNullException.ThrowIfNull(centres);
        ArgumentNullException.ThrowIfNull(municipalities);
        All = [.. centres];

        var problems = new List<string>();
        var ids = new Dictionary<string, MigrationServiceCentre>(StringComparer.Ordinal);
        var routes = new Dictionary<string, MigrationServiceCentre>(StringComparer.Ordinal);
        foreach (var centre in All)
        {
            if (!MunicipalityDirectory.IsSlug(centre.Id))
            {
                problems.Add($"MSC id '{centre.Id}' is not a lower-case ASCII slug (a-z, 0-9, '-')");
            }
            else if (!ids.TryAdd(centre.Id, centre))
            {
                problems.Add($"MSC id '{centre.Id}' appears more than once");
            }

            problems.AddRange(MissingFields(centre).Select(field => $"MSC '{centre.Id}' has no {field}"));

            foreach (var code in centre.Municipalities ?? [])
            {
                if (municipalities.ByCode(code) is null)
                {
                    problems.Add($"MSC '{centre.Id}' lists unknown municipality '{code}'");
                }
                else if (routes.TryGetValue(code, out var other))
                {
                    problems.Add(other == centre
                        ? $"MSC '{centre.Id}' lists municipality '{code}' twice"
                        : $"municipality '{code}' is covered by both MSC '{other.Id}' and MSC '{centre.Id}'");
                }
                else
                {
                    routes.Add(code, centre);
                }
            }
        }

        var uncovered = municipalities.All.Where(m => !routes.ContainsKey(m.Code)).Select(m => m.Code).ToList();
        if (uncovered.Count > 0)
        {
            problems.Add($"no MSC covers municipalit{(uncovered.Count == 1 ? "y" : "ies")} '{string.Join("', '", uncovered)}'");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("MSC directory is invalid: " + string.Join("; ", problems) + ".");
        }

        byId = ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        byMunicipality = routes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every centre, in file order.</summary>
    public IReadOnlyList<MigrationServiceCentre> All { get; }

    /// <summary>The centre with this id (case-insensitive), or null.</summary>
    public MigrationServiceCentre? Find(string? id) => id is null ? null : byId.GetValueOrDefault(id);

    /// <summary>The centre a municipality routes to; every known municipality code has one.</summary>
    /// <exception cref="KeyNotFoundException">The code is not a municipality code.</exception>
    public MigrationServiceCentre RouteFor(string municipalityCode) =>
        byMunicipality.TryGetValue(municipalityCode, out var centre)
            ? centre
            : throw new KeyNotFoundException($"'{municipalityCode}' is not a known municipality code.");

    private static IEnumerable<string> MissingFields(MigrationServiceCentre centre)
    {
        (string Name, string? Value)[] fields =
        [
            ("name", centre.Name), ("city", centre.City), ("address", centre.Address), ("phone", centre.Phone),
            ("email", centre.Email), ("head name", centre.Head?.Name), ("head email", centre.Head?.Email),
            ("hours", centre.Hours),
        ];
        var missing = fields.Where(field => string.IsNullOrWhiteSpace(field.Value)).Select(field => field.Name);
        return centre.Municipalities is null or { Count: 0 } ? missing.Append("municipalities") : missing;
    }
}
