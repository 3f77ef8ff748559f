namespace Referrals.Domain.Directory;

/// <summary>A Migration Service Centre of NES and the municipalities it serves.</summary>
/// <param name="Id">Stable ASCII slug ("nis"); the <c>msc</c> claim of an advisor's token.</param>
/// <param name="Hours">Opening hours as shown to returnees ("Mon–Fri 07:30–15:30").</param>
/// <param name="Municipalities">Codes of the municipalities routed to this centre.</param>
public sealed record MigrationServiceCentre(
    string Id,
    string Name,
    string City,
    string Address,
    string Phone,
    string Email,
    MscHead Head,
    string Hours,
    IReadOnlyList<string> Municipalities);

/// <summary>The head of a centre, who receives escalations.</summary>
public sealed record MscHead(string Name, string Email);
