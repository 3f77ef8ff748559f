using Referrals.Domain.Calendar;

using Referrals.Contracts;

namespace Referrals.App.Api.Referrals;

/// <summary>"Today" for intake rules is the Belgrade date (the referral's deadlines are Serbian).</summary>
internal static class BelgradeDate
{
    private static readonly TimeZoneInfo Belgrade = TimeZoneInfo.FindSystemTimeZoneById(TimeZones.Belgrade);

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Belgrade).DateTime);
}
