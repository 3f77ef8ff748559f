using Referrals.Messaging.Models;

namespace Referrals.Messaging.Tests;

/// <summary>Fictional contacts in the project's sample style.</summary>
internal static class SampleData
{
    public static MscContact Msc { get; } = new(
        "Migracioni servisni centar NSZ Niš", "Vožda Karađorđa 10, Niš", "+381 18 555 0101", "pon–pet 7:30–15:30");

    public static MscContact MscCyrillic { get; } = new(
        "Миграциони сервисни центар НСЗ Ниш", "Вожда Карађорђа 10, Ниш", "+381 18 555 0101", "пон–пет 7:30–15:30");

    public static MscContact MscLatinAscii { get; } = new(
        "NES Migration Service Centre Nis", "Vozda Karadjordja 10, Nis", "+381 18 555 0101", "Mon-Fri 7:30-15:30");

    public static MscContact ContactFor(string language) => language switch
    {
        "sr-Cyrl" => MscCyrillic,
        "sr-Latn" => Msc,
        _ => MscLatinAscii,
    };

    public static DateOnly ReturnDate { get; } = new(2026, 12, 10);

    public static IEnumerable<SmsModel> AllSms(MscContact msc, string advisorName = "Jelena Petrović") =>
    [
        new SubmissionConfirmationSms(msc.Name, ReturnDate),
        new AcknowledgedSms(msc, advisorName),
        new AcknowledgedSms(msc, null),
        new PreReturnReminderSms(PreReturnReminder.SevenDaysBefore, ReturnDate, msc),
        new PreReturnReminderSms(PreReturnReminder.OneDayBefore, ReturnDate, msc),
        new WelcomeSms(msc),
        new HelpReplySms(msc),
        new OptOutConfirmationSms(),
        new OptInConfirmationSms(),
    ];
}
