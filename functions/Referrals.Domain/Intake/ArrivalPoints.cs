using System.Diagnostics.CodeAnalysis;

namespace Referrals.Domain.Intake;

/// <summary>A place a returnee enters Serbia through.</summary>
public sealed record ArrivalPoint(string Code, string Name);

/// <summary>
/// The arrival points a referral may name: the three airports with scheduled flights from Germany (IATA codes), the
/// main road and rail crossings on the routes from the EU (lower-case slugs), and "other".
/// </summary>
public static class ArrivalPoints
{
    public const string Other = "other";

    public static IReadOnlyList<ArrivalPoint> All { get; } =
    [
        new("BEG", "Belgrade Nikola Tesla Airport"),
        new("INI", "Niš Constantine the Great Airport"),
        new("KVO", "Morava Airport, Kraljevo"),
        new("horgos", "Horgoš border crossing (Hungary)"),
        new("kelebija", "Kelebija border crossing (Hungary)"),
        new("batrovci", "Batrovci border crossing (Croatia)"),
        new("sid", "Šid border crossing (Croatia)"),
        new("sremska-raca", "Sremska Rača border crossing (Bosnia and Herzegovina)"),
        new("vatin", "Vatin border crossing (Romania)"),
        new("gradina", "Gradina border crossing (Bulgaria)"),
        new("presevo", "Preševo border crossing (North Macedonia)"),
        new(Other, "Other or not yet known"),
    ];

    /// <summary>Finds an arrival point by code, ignoring case ("beg" finds BEG).</summary>
    public static bool TryFind(string? code, [NotNullWhen(true)] out ArrivalPoint? point)
    {
        var trimmed = code?.Trim();
        point = All.FirstOrDefault(p => string.Equals(p.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        return point is not null;
    }
}
