using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.Domain.Intake;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;

namespace Referrals.App.Hosting.Demo;

/// <summary>One demo referral: its submit body, fixed idempotency key, and what happens to it afterwards.</summary>
public sealed record DemoReferral(string Key, string Description, SubmitReferralRequest Request,
    Func<DateOnly, IReadOnlyList<(Caller Caller, ReferralCommand Command)>> Steps);

/// <summary>The demo set: fictional people (example.com-style mail, 555 numbers) at different MSCs and states.</summary>
public static class DemoReferrals
{
    public static IReadOnlyList<DemoReferral> All(DateOnly today, string consentTextVersion, DateTimeOffset now)
    {
        static Caller Advisor(string msc) => new($"advisor-{msc}", Role.Advisor, null, msc);
        static Actor As(Caller caller) => new(caller.Subject, caller.Role);

        return
        [
            new("demo-referral-01", "awaiting acknowledgement",
                Request("Milica", "Demo-Petrović", new DateOnly(1990, 3, 14), Gender.Female, "+4915155501001", Language.SrLatn,
                    2, 2, today.AddDays(21), "INI", "Niš", [Need.Employment, Need.Documents, Need.Education], Priority.Normal,
                    consentTextVersion, now),
                _ => []),
            new("demo-referral-02", "acknowledged",
                Request("Stefan", "Demo-Ilić", new DateOnly(1984, 11, 2), Gender.Male, "+4915155501002", Language.De,
                    1, 0, today.AddDays(10), "BEG", "Zemun", [Need.Housing, Need.HealthInsurance], Priority.Urgent,
                    consentTextVersion, now),
                _ => [(Advisor("beograd"), new AcknowledgeReferral("Demo: advisor assigned.", As(Advisor("beograd"))))]),
            new("demo-referral-03", "awaiting acknowledgement (emergency)",
                Request("Ana", "Demo-Horvat", new DateOnly(1979, 6, 30), Gender.Female, "+4915155501003", Language.SrCyrl,
                    1, 3, today.AddDays(4), "horgos", "Нови Сад", [Need.SocialAssistance, Need.PsychosocialSupport, Need.Education],
                    Priority.Emergency, consentTextVersion, now),
                _ => []),
            new("demo-referral-04", "arrived",
                Request("Dragan", "Demo-Jović", new DateOnly(1972, 1, 22), Gender.Male, "+4915155501004", Language.SrLatn,
                    2, 1, today, "KVO", "Kragujevac", [Need.Employment, Need.RecognitionOfQualifications], Priority.Normal,
                    consentTextVersion, now),
                day =>
                [
                    (Advisor("kragujevac"), new AcknowledgeReferral(null, As(Advisor("kragujevac")))),
                    (Advisor("kragujevac"), new RecordArrival(day, As(Advisor("kragujevac")))),
                ]),
            new("demo-referral-05", "rejected as a duplicate",
                Request("Jelena", "Demo-Marković", new DateOnly(1995, 9, 9), Gender.Female, "+4915155501005", Language.En,
                    1, 0, today.AddDays(30), "kelebija", "Subotica", [Need.LegalAid], Priority.Normal, consentTextVersion, now),
                _ => [(Advisor("subotica"), new RejectReferral(RejectionReason.Duplicate, "Demo: already referred.", null, As(Advisor("subotica"))))]),
            new("demo-referral-06", "withdrawn",
                Request("Nikola", "Demo-Stojanović", new DateOnly(1988, 4, 12), Gender.Male, "+4915155501006", Language.SrLatn,
                    3, 2, today.AddDays(45), "BEG", "Kraljevo", [Need.Employment, Need.Housing], Priority.Normal,
                    consentTextVersion, now),
                _ => [(new Caller(DemoSeeder.ScoutSubject, Role.Scout, DemoSeeder.Organisation, null),
                    new WithdrawReferral("Demo: the return was postponed indefinitely.", new Actor(DemoSeeder.ScoutSubject, Role.Scout)))]),
        ];
    }

    private static SubmitReferralRequest Request(string givenName, string familyName, DateOnly born, Gender gender,
        string phone, Language language, int adults, int minors, DateOnly returnDate, string arrivalPoint,
        string municipality, Need[] needs, Priority priority, string consentTextVersion, DateTimeOffset now) => new()
    {
        Returnee = new ReturneeInput
        {
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = born,
            Gender = gender,
            Phone = phone,
            Email = null,
            PreferredLanguage = language,
        },
        Household = new HouseholdInput { Adults = adults, Minors = minors },
        ExpectedReturnDate = returnDate,
        ArrivalPoint = arrivalPoint,
        Municipality = municipality,
        Needs = [.. needs.Select(n => (Need?)n)],
        Vulnerabilities = [],
        Priority = priority,
        Consent = new ConsentInput
        {
            DataSharing = true,
            Sms = true,
            ObtainedAt = now.AddHours(-2),
            Method = ConsentMethod.SignedForm,
            TextVersion = consentTextVersion,
        },
        Notes = "Demo referral with fictional data.",
    };
}
