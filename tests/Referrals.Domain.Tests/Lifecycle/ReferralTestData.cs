using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.Domain.Tests.Lifecycle;

/// <summary>Fictional referral data and the fixed instants the lifecycle tests start from.</summary>
internal static class ReferralTestData
{
    public const string ReferralId = "ref-0001";
    public const string Msc = "nis";
    public const string OtherMsc = "beograd";
    public const string GermanPhone = "+49305550123";
    public const string SerbianPhone = "+381115550123";

    public static readonly Actor Scout = new("scout-1", Role.Scout);
    public static readonly Actor Advisor = new("advisor-nis-1", Role.Advisor);
    public static readonly Actor Coordinator = new("coordinator-1", Role.Coordinator);

    public static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    public static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    /// <summary>Monday 2 November 2026, 09:00 in Belgrade (CET). Wednesday 11 November is a public holiday.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, Cet);

    /// <summary>Thursday 10 December 2026.</summary>
    public static readonly DateOnly ReturnDate = new(2026, 12, 10);

    public static SerbianWorkingDayCalendar Calendar { get; } = new();

    public static ReferralDecider Decider(ReferralPolicy? policy = null) => new(Calendar, policy ?? ReferralPolicy.Default);

    public static ReferralDetails Details(
        Priority priority = Priority.Normal,
        DateOnly? expectedReturnDate = null,
        bool smsConsent = true,
        bool dataSharing = true,
        string phone = GermanPhone) =>
        new(
            new Returnee("Ana", "Primer", new DateOnly(1990, 5, 17), Gender.Female, phone, null, Language.SrLatn),
            new Household(2, 1),
            expectedReturnDate ?? ReturnDate,
            "BEG",
            "70130",
            [Need.Employment, Need.Documents],
            [],
            priority,
            new Consent(dataSharing, smsConsent, Start.AddDays(-3), ConsentMethod.SignedForm, "2026-1"),
            "Fictional test referral.",
            new Referrer(Scout.Subject, "org-berlin"));

    public static SubmitReferral Submit(
        Priority priority = Priority.Normal,
        DateOnly? expectedReturnDate = null,
        bool smsConsent = true) =>
        new(ReferralId, Details(priority, expectedReturnDate, smsConsent), Msc, Scout);
}
