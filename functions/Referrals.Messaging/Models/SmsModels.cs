using Referrals.Messaging.Rendering;

namespace Referrals.Messaging.Models;

/// <summary>An MSC's public contact details, as an SMS gives them to a returnee.</summary>
public sealed record MscContact(string Name, string Address, string Phone, string Hours);

/// <summary>A typed SMS to a returnee; the renderer picks the language and fills the checklist.</summary>
public abstract record SmsModel
{
    public abstract string Kind { get; }

    internal abstract Dictionary<string, string> Values(string language, MessageLabels labels);

    private protected static Dictionary<string, string> Contact(MscContact msc) => new(StringComparer.Ordinal)
    {
        [Placeholders.MscName] = msc.Name,
        [Placeholders.MscAddress] = msc.Address,
        [Placeholders.MscPhone] = msc.Phone,
    };
}

/// <summary>Sent when a referral is accepted: who will help, and what to prepare.</summary>
public sealed record SubmissionConfirmationSms(string MscName, DateOnly ExpectedReturnDate) : SmsModel
{
    public override string Kind => SmsKinds.SubmissionConfirmation;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels) => new(StringComparer.Ordinal)
    {
        [Placeholders.MscName] = MscName,
        [Placeholders.ExpectedReturnDate] = labels.Date(language, ExpectedReturnDate),
    };
}

/// <summary>Sent when the MSC acknowledged: where to go and whom to ask for.</summary>
public sealed record AcknowledgedSms(MscContact Msc, string? AdvisorName) : SmsModel
{
    public override string Kind => SmsKinds.Acknowledged;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels)
    {
        var values = Contact(Msc);
        values[Placeholders.MscHours] = Msc.Hours;
        if (!string.IsNullOrWhiteSpace(AdvisorName))
        {
            values[Placeholders.AdvisorName] = AdvisorName;
        }

        return values;
    }
}

/// <summary>Which pre-return reminder.</summary>
public enum PreReturnReminder
{
    SevenDaysBefore,
    OneDayBefore,
}

/// <summary>A reminder before the expected return date, pointing at the checklist.</summary>
public sealed record PreReturnReminderSms(PreReturnReminder Reminder, DateOnly ExpectedReturnDate, MscContact Msc) : SmsModel
{
    public override string Kind => Reminder switch
    {
        PreReturnReminder.SevenDaysBefore => SmsKinds.PreReturnReminder7,
        PreReturnReminder.OneDayBefore => SmsKinds.PreReturnReminder1,
        _ => throw new ArgumentOutOfRangeException(nameof(Reminder), Reminder, "Unknown reminder."),
    };

    internal override Dictionary<string, string> Values(string language, MessageLabels labels)
    {
        var values = Contact(Msc);
        if (Reminder is PreReturnReminder.SevenDaysBefore)
        {
            values.Remove(Placeholders.MscAddress);
            values[Placeholders.ExpectedReturnDate] = labels.Date(language, ExpectedReturnDate);
        }

        return values;
    }
}

/// <summary>Sent after arrival: the first steps in Serbia and the MSC to visit.</summary>
public sealed record WelcomeSms(MscContact Msc) : SmsModel
{
    public override string Kind => SmsKinds.Welcome;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels) => Contact(Msc);
}

/// <summary>The answer to HELP: how to reach the MSC.</summary>
public sealed record HelpReplySms(MscContact Msc) : SmsModel
{
    public override string Kind => SmsKinds.HelpReply;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels) => new(StringComparer.Ordinal)
    {
        [Placeholders.MscName] = Msc.Name,
        [Placeholders.MscPhone] = Msc.Phone,
        [Placeholders.MscHours] = Msc.Hours,
    };
}

/// <summary>The answer to STOP (or a local opt-out word).</summary>
public sealed record OptOutConfirmationSms : SmsModel
{
    public override string Kind => SmsKinds.OptOutConfirmation;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels) => new(StringComparer.Ordinal);
}

/// <summary>The answer to START.</summary>
public sealed record OptInConfirmationSms : SmsModel
{
    public override string Kind => SmsKinds.OptInConfirmation;

    internal override Dictionary<string, string> Values(string language, MessageLabels labels) => new(StringComparer.Ordinal);
}
