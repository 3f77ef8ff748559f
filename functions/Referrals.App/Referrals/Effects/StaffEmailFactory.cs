using Microsoft.Extensions.Options;
using Referrals.Contracts;
using Referrals.Domain.Directory;
using Referrals.Domain.Lifecycle;
using Referrals.Domain.Model;
using Referrals.Messaging.Email;
using Referrals.Messaging.Models;

namespace Referrals.App.Referrals.Effects;

/// <summary>
/// Turns the decider's email request into a typed staff email: it resolves who receives it (the MSC's inbox or head
/// from the directory, the coordinators and scouting organisations from configuration) and keeps to the summary a
/// staff email may carry (initials, municipality, priority, dates).
/// </summary>
internal sealed class StaffEmailFactory(MscDirectory mscs, MunicipalityDirectory municipalities,
    IOptions<NotificationOptions> options)
{
    /// <summary>The email, or the reason it cannot be addressed (shown to an operator when the effect is parked).</summary>
    public (StaffEmail? Email, string? Problem) Create(SendEmailPayload payload, ReferralState state, DateTimeOffset now)
    {
        var msc = mscs.CurrentOrLast(state);
        var mscName = msc?.Name ?? "—";
        var to = Recipients(payload.Recipient, msc, state, out var problem);
        if (to is null)
        {
            return (null, problem);
        }

        var summary = Summary(state);
        var acknowledgeBy = state.FindDeadline(DeadlineKinds.Acknowledge)?.DueAt;
        var routeBy = state.FindDeadline(DeadlineKinds.Routing)?.DueAt;
        var confirmArrivalBy = state.FindDeadline(DeadlineKinds.ArrivalConfirmation)?.DueAt;
        var firstContactBy = state.FindDeadline(DeadlineKinds.FirstContact)?.DueAt;
        var coordinatorCopy = payload.Recipient == MessageRecipient.MscHead
            ? [new EmailRecipient(options.Value.CoordinatorEmail)]
            : Array.Empty<EmailRecipient>();
        StaffEmail? email = payload.Kind switch
        {
            EmailKind.NewReferral when acknowledgeBy is { } due =>
                new AcknowledgeDeadlineEmail(AcknowledgeStage.NewReferral, to, summary, mscName, due),
            EmailKind.AcknowledgeReminder when acknowledgeBy is { } due =>
                new AcknowledgeDeadlineEmail(AcknowledgeStage.Reminder, to, summary, mscName, due),
            EmailKind.Escalation when acknowledgeBy is { } due =>
                new AcknowledgeDeadlineEmail(AcknowledgeStage.Escalation, to, summary, mscName, due) { Cc = coordinatorCopy },
            EmailKind.SecondEscalation when acknowledgeBy is { } due =>
                new AcknowledgeDeadlineEmail(AcknowledgeStage.SecondEscalation, to, summary, mscName, due) { Cc = coordinatorCopy },
            EmailKind.RejectionNotice when state.Rejection is { } rejection =>
                new RejectionNoticeEmail(to, summary, mscName, Camel(rejection.Reason.ToString())),
            EmailKind.WithdrawalNotice => new ReferralNoticeEmail(ReferralNotice.Withdrawn, to, summary, mscName),
            EmailKind.UndeliveredSms => new ReferralNoticeEmail(ReferralNotice.SmsUndelivered, to, summary, mscName),
            EmailKind.InvalidNumber => new ReferralNoticeEmail(ReferralNotice.InvalidNumber, to, summary, mscName),
            EmailKind.RoutingRequest when routeBy is { } due =>
                new RoutingRequestEmail(due <= now ? RoutingStage.Overdue : RoutingStage.Request, to, summary, due)
                {
                    RejectedByMscName = state.Rejection?.Reason == RejectionReason.OutOfArea ? msc?.Name : null,
                },
            EmailKind.ArrivalConfirmationReminder when confirmArrivalBy is { } due =>
                new ArrivalConfirmationReminderEmail(to, summary, mscName, due),
            EmailKind.FirstContactReminder when firstContactBy is { } due && state.ArrivedOn is { } arrived =>
                new FirstContactDeadlineEmail(FirstContactStage.Reminder, to, summary, mscName, arrived, due),
            EmailKind.FirstContactEscalation when firstContactBy is { } due && state.ArrivedOn is { } arrived =>
                new FirstContactDeadlineEmail(FirstContactStage.Escalation, to, summary, mscName, arrived, due) { Cc = coordinatorCopy },
            _ => null,
        };
        return email is null ? (null, $"No email can be composed for kind {payload.Kind} in this referral's state.") : (email, null);
    }

    private ReferralSummary Summary(ReferralState state)
    {
        var details = state.Details;
        var municipality = municipalities.ByCode(details.MunicipalityCode)?.NameLatin ?? details.MunicipalityCode;
        return new ReferralSummary(state.Id, Initials.Of(details.Returnee.GivenName, details.Returnee.FamilyName),
            municipality, Camel(details.Priority.ToString()), details.ExpectedReturnDate);
    }

    private EmailRecipient[]? Recipients(MessageRecipient recipient, MigrationServiceCentre? msc, ReferralState state,
        out string? problem)
    {
        problem = null;
        string? address = recipient switch
        {
            MessageRecipient.MscInbox => msc?.Email,
            MessageRecipient.MscHead => msc?.Head.Email,
            MessageRecipient.Coordinator => options.Value.CoordinatorEmail,
            MessageRecipient.Scout => options.Value.OrganisationEmails.GetValueOrDefault(state.Details.Referrer.Organisation)
                ?? options.Value.ScoutFallbackEmail,
            _ => null,
        };
        if (address is null)
        {
            problem = $"No address is configured for recipient {recipient} of this referral.";
            return null;
        }

        return [new EmailRecipient(address)];
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
