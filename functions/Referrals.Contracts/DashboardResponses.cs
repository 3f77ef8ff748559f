namespace Referrals.Contracts;

/// <summary><c>GET /api/reports/dashboard</c>: the coordinator's figures at <see cref="AsOf"/> (business time). Counts
/// and durations only, no personal data; <see cref="ReferralsCounted"/> is how many referrals they cover.</summary>
public sealed record DashboardResponse(
    DateTimeOffset AsOf,
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<WeeklyCountResponse> ReferralsPerWeek,
    IReadOnlyList<AcknowledgementFigureResponse> Acknowledgement,
    IReadOnlyList<SmsStatusCountResponse> SmsDelivery,
    IReadOnlyList<NeedCountResponse> NeedsByMunicipality,
    int ReferralsCounted);

/// <summary>Referrals submitted in the week starting <see cref="WeekStart"/> (Monday, Belgrade) to <see cref="Msc"/>.
/// </summary>
public sealed record WeeklyCountResponse(DateOnly WeekStart, string Msc, int Count);

/// <summary>Per MSC: acknowledged, of those on time, past the deadline and still waiting, and the median hours taken
/// against the median hours allowed; <see cref="OnTimeShare"/> is null while nothing was decided.</summary>
public sealed record AcknowledgementFigureResponse(string Msc, int Acknowledged, int OnTime, int OverdueOpen,
    double? MedianHoursTaken, double? MedianHoursAllowed, double? OnTimeShare);

public sealed record SmsStatusCountResponse(MessageStatus Status, int Count);

/// <summary>How many referrals to <see cref="Municipality"/> (a code) name <see cref="Need"/>.</summary>
public sealed record NeedCountResponse(string Municipality, string? MunicipalityName, Need Need, int Count);
