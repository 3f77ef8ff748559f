using System.Globalization;
using System.Text.RegularExpressions;
using Referrals.Contracts;
using Referrals.Domain.Calendar;
using Referrals.Domain.Model;
using Referrals.Workflow;

namespace Referrals.Domain.Lifecycle;

/// <summary>
/// The referral lifecycle as a pure decider: status transitions, deadlines with their reminders and escalations,
/// the SMS and emails they cause, and provider feedback. No I/O, no clock reads; ids and timer tokens derive from
/// the state's revision and message counts. Checks run in the order role, status, arguments; a command that does
/// not fit the status is <see cref="RejectionKind.InvalidTransition"/>, a bad argument
/// <see cref="RejectionKind.Invalid"/>, a command for a referral that does not exist
/// <see cref="RejectionKind.NotFound"/>. Repeated feedback (the same status callback twice, a second STOP) is
/// accepted as unchanged, because webhooks and handlers deliver at least once.
/// </summary>
public sealed partial class ReferralDecider : IDecider<ReferralState, ReferralCommand>
{
    internal const int MaxNoteLength = 2000;
    internal const int MaxShortTextLength = 200;

    private readonly IWorkingDayCalendar _calendar;
    private readonly ReferralPolicy _policy;

    public ReferralDecider(IWorkingDayCalendar calendar, ReferralPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        _calendar = calendar;
        _policy = policy;
    }

    public Decision<ReferralState> Decide(ReferralState? state, ReferralCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state is null)
        {
            return command is SubmitReferral submit
                ? Submit(submit, now)
                : Decision<ReferralState>.Reject(RejectionKind.NotFound, "The referral does not exist.");
        }

        return command switch
        {
            SubmitReferral => Transition("The referral was already submitted."),
            AcknowledgeReferral c => Acknowledge(state, c, now),
            RejectReferral c => Reject(state, c, now),
            ReassignReferral c => Reassign(state, c, now),
            WithdrawReferral c => Withdraw(state, c, now),
            ChangeReturnDate c => ChangeReturnDate(state, c, now),
            ChangePhone c => ChangePhone(state, c, now),
            ChangePreferredLanguage c => ChangePreferredLanguage(state, c, now),
            RecordArrival c => RecordArrival(state, c, now),
            RecordFirstContact c => RecordFirstContact(state, c, now),
            RecordFollowUp c => RecordFollowUp(state, c, now),
            CloseReferral c => Close(state, c, now),
            OptOutOfSms c => OptOut(state, c, now),
            OptInToSms c => OptIn(state, c, now),
            RequestSmsHelp => RequestHelp(state, now),
            SmsAccepted c => SmsAccepted(state, c, now),
            SmsStatusChanged c => SmsStatusChanged(state, c, now),
            SmsHeld c => SmsHeld(state, c, now),
            EmailSent c => EmailSent(state, c, now),
            EffectParked c => EffectParked(state, c, now),
            _ => throw new ArgumentException($"Unknown referral command {command.GetType().Name}.", nameof(command)),
        };
    }

    private static Decision<ReferralState> Transition(string reason) =>
        Decision<ReferralState>.Reject(RejectionKind.InvalidTransition, reason);

    private static Decision<ReferralState> Invalid(string reason) =>
        Decision<ReferralState>.Reject(RejectionKind.Invalid, reason);

    private static Decision<ReferralState>? RequireRole(Actor actor, string action, params Role[] roles)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(actor.Subject))
        {
            return Invalid("actor.subject is required.");
        }

        return roles.Contains(actor.Role)
            ? null
            : Invalid($"Only {string.Join(" or ", roles.Select(Article))} may {action}.");

        static string Article(Role role) => role == Role.Advisor ? "an advisor" : $"a {Names.Camel(role)}";
    }

    private static Decision<ReferralState>? RequireStatus(ReferralState state, string action, params ReferralStatus[] allowed) =>
        allowed.Contains(state.Status)
            ? null
            : Transition($"Cannot {action}: the referral is {Names.Camel(state.Status)}; this needs status " +
                $"{string.Join(" or ", allowed.Select(Names.Camel))}.");

    private static Decision<ReferralState>? RequireOpen(ReferralState state, string action) =>
        RequireStatus(state, action, ReferralStatus.AwaitingAcknowledgement, ReferralStatus.Acknowledged,
            ReferralStatus.Arrived, ReferralStatus.InSupport);

    private static Decision<ReferralState>? RequireAssigned(ReferralState state, string action) =>
        state.MscId is null
            ? Transition($"Cannot {action}: the referral waits in the coordinator queue for an MSC; a coordinator must reassign it first.")
            : null;

    private static Decision<ReferralState>? CheckText(string? text, string field, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Invalid($"{field} is required.") : null;
        }

        return text.Length > maxLength ? Invalid($"{field} must be at most {maxLength} characters.") : null;
    }

    private static Decision<ReferralState>? CheckPhone(string phone, string field) =>
        phone is not null && E164().IsMatch(phone) ? null : Invalid($"{field} must be a phone number in E.164 format (+ and 8 to 15 digits).");

    private DateOnly Today(DateTimeOffset now) => _calendar.LocalDate(now, TimeZones.Belgrade);

    private DateTimeOffset AtDayDeadline(DateOnly date) =>
        _calendar.AtLocalTime(date, _policy.DayDeadlineLocalTime, TimeZones.Belgrade);

    /// <summary>Template values for staff emails: only non-personal facts.</summary>
    private static Dictionary<string, string> StaffValues(ReferralState state, params (string Key, string Value)[] extra)
    {
        var d = state.Details;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateValues.Initials] = Initials(d.Returnee),
            [TemplateValues.Municipality] = d.MunicipalityCode,
            [TemplateValues.Priority] = Names.Camel(d.Priority),
            [TemplateValues.ExpectedReturnDate] = Formats.Date(d.ExpectedReturnDate),
        };
        if (state.FindDeadline(DeadlineKinds.Acknowledge) is { } acknowledge && acknowledge.IsOpen())
        {
            values[TemplateValues.AcknowledgeBy] = Formats.Instant(acknowledge.DueAt);
        }

        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return values;
    }

    private static Dictionary<string, string> ReturneeValues(ReferralState state, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateValues.ExpectedReturnDate] = Formats.Date(state.Details.ExpectedReturnDate),
            [TemplateValues.ArrivalPoint] = state.Details.ArrivalPoint,
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return values;
    }

    private static string Initials(Returnee returnee) => $"{Initial(returnee.GivenName)}. {Initial(returnee.FamilyName)}.";

    private static string Initial(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0
            ? "?"
            : StringInfo.GetNextTextElement(trimmed).ToUpper(CultureInfo.InvariantCulture);
    }

    /// <summary>The MSC's inbox, or the coordinator while no MSC is assigned.</summary>
    private static MessageRecipient StaffInbox(ReferralState state) =>
        state.MscId is null ? MessageRecipient.Coordinator : MessageRecipient.MscInbox;

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
